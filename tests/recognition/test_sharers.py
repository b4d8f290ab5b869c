from seedbed.recognition.sharers import Roles, find


def test_people_whose_work_is_mostly_helping_are_found_with_opportunities_they_lack():
    work = {1: {"question": 6, "code": 2}, 2: {"code": 30, "review": 6}, 3: {"doc": 2, "support": 1},
            4: {"review": 5, "talk": 1}}
    names = {1: "Zoé", 2: "Bo", 3: "Cy", 4: "Ana"}
    found = find(work, names, {4: Roles(mentor=True, organiser=False, speaker=True)})
    assert [s.name for s in found] == ["Ana", "Zoé"]  # by name, not by volume; 2 mostly codes, 3 too little
    ana, zoe = found
    assert {o.role for o in zoe.opportunities} == {"talk-slot", "mentor"}
    assert {o.role for o in ana.opportunities} == {"organiser"}
    assert zoe.helping_types == ("question",)
