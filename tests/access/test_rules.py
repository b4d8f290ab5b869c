"""The role x field table of PRODUCT.md, cell by cell."""
import pytest

from seedbed.access.rules import Field, Relation, Visibility, may_reach, may_see, may_see_self_reported
from seedbed.people.models import Visibility as StoredVisibility

S, O, M, ME, OTHER, ANON = (Relation.STEWARD, Relation.ORGANISER, Relation.MENTOR, Relation.SELF, Relation.MEMBER,
                            Relation.ANONYMOUS)
# field -> the relations that see it, listed or not; then who else sees it when the person is listed
TABLE = {
    Field.PROFILE: ({S, O, M, ME}, {OTHER, ANON}),
    Field.EMAILS: ({S, ME}, set()),
    Field.USERNAMES: ({S, O, M, ME}, set()),
    Field.TIMELINE: ({S, O, M, ME}, set()),
    Field.PUBLIC_TIMELINE: ({S, O, M, ME}, {OTHER, ANON}),
    Field.NOTES: ({S}, set()),
    Field.OWN_NOTES: ({S, O, M}, set()),
    Field.AUDIT: ({S, ME}, set()),
    Field.CIRCLE: ({S, O, M, ME}, set()),
}


@pytest.mark.parametrize("field", list(Field))
@pytest.mark.parametrize("relation", list(Relation))
def test_each_cell_of_the_table(field, relation):
    always, if_listed = TABLE[field]
    assert may_see({relation}, field) == (relation in always)
    assert may_see({relation}, field, listed=True) == (relation in always | if_listed)


SELF_REPORTED = {
    Visibility.ONLY_ME: {ME},
    Visibility.STEWARDS: {ME, S},
    Visibility.ORGANISERS: {ME, S, O, M},
    Visibility.PUBLIC: set(Relation),
}


@pytest.mark.parametrize("visibility", list(Visibility))
@pytest.mark.parametrize("relation", list(Relation))
def test_self_reported_fields_follow_the_members_choice(visibility, relation):
    assert may_see_self_reported({relation}, visibility) == (relation in SELF_REPORTED[visibility])


def test_an_unknown_setting_counts_as_the_default():
    assert may_see_self_reported({S}, "") and not may_see_self_reported({O}, "nonsense")


def test_several_relations_see_what_any_of_them_sees():
    assert may_see({O, M}, Field.OWN_NOTES) and not may_see({O, M}, Field.NOTES)
    assert may_see_self_reported({S, ME}, Visibility.ONLY_ME)
    assert not may_reach({OTHER}) and may_reach({OTHER}, listed=True) and not may_reach(set(), listed=True)


def test_the_stored_choices_are_the_rules_choices():
    assert {v.value for v in StoredVisibility} == {v.value for v in Visibility}
