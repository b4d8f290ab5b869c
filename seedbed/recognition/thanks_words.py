"""The words of thanks, and of thanks that credit no help, in the languages Seedbed knows.
Pure: compiled patterns only. seedbed.recognition.gratitude decides what they mean in a thread.

Add a language by adding its words to the lists here (and a case to
tests/recognition/test_gratitude.py); every list is matched case-insensitively.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

# Strong words of thanks count by themselves; weak ones ("cheers", "appreciated", 🙏) need a
# sign that something worked, or an address to someone.
_STRONG = (
    r"thanks?\b(?!giving)", r"thank\s*you", r"\bthx\b", r"\bthnx\b", r"\btysm\b", r"\btyvm\b", r"\bty\b(?=\s*(?:!|@|so much|$))",
    r"\bmerci", r"\bdanke", r"\bvielen dank", r"\bdankesch", r"\bgracias\b", r"\bobrigad[oa]\b", r"\bvaleu\b",
    r"\bgrazie\b", r"\bbedankt\b", r"\bdank (?:je|u)\b", r"\bdzi[eę]kuj[eę]", r"\bdzi[eę]ki\b", r"спасибо", r"дякую",
    r"ありがとう", r"谢谢", r"謝謝", r"感谢", r"多谢", r"감사합니다", r"고마워", r"\bte[sş]ekk[uü]r", r"\bsa[gğ] ?ol",
    r"\bterima kasih\b", r"\bmakasih\b", r"धन्यवाद", r"शुक्रिया", r"\basante\b", r"\btack\b", r"\bkiitos\b",
    r"\btakk\b", r"\bd[eě]kuji\b", r"\bd[ií]ky\b", r"\bshukri?ya\b", r"\bdhanyavaa?d\b", r"\bsalamat\b",
    r"\baitäh\b", r"ধন্যবাদ", r"ขอบคุณ", r"\bgràcies\b", r"\bmul[țţt]umesc\b", r"\bdiolch\b", r"\bköszi\b",
    r"\blifesaver\b", r"saved my (?:day|life|bacon|weekend)", r"\bk[oö]sz[oö]n", r"\bc[aả]m [oơ]n\b", r"شكرا", r"תודה", r"\bευχαριστ",
)
_WEAK = (r"\bcheers\b", r"\bta\b", r"\bappreciated?\b", r"\bkudos\b", r"🙏",
         r"you(?:'re| are) (?:a star|a legend|awesome|the best)", r"\bmuch obliged\b")
_WORKED = (
    r"(?:that|this|it)(?:'s| has| is)? (?:fixed|solved|sorted|did)\b", r"\bworks\b(?! for me either)", r"\bworked\b",
    r"\bworking (?:now|again)\b", r"did the trick", r"\bsolved\b", r"\bsorted\b", r"\bfixed\b", r"\bresolved\b",
    r"\bhelped\b", r"\bhelps\b", r"\bsame fix\b", r"\bfound (?:it|them)\b", r"\brestored\b", r"\bback (?:up|online|to normal)\b", r"\bthat was it\b", r"\bmakes sense\b", r"\bnow i (?:see|get it|understand)\b",
    r"ça marche", r"ca marche", r"ça fonctionne", r"c'est bon", r"\bfunktioniert\b", r"\bläuft\b", r"\bklappt\b",
    r"\bfuncion[oó]\b", r"\bfunciona\b", r"\bdeu certo\b", r"\bfuncionou\b", r"\bfunziona\b", r"\brisolto\b",
    r"\bwerkt\b", r"\bdziała\b", r"\bçalıştı\b", r"\bberhasil\b", r"\bimefanya kazi\b", r"直りました", r"解决",
    r"работает", r"заработало", r"できました", r"해결",
)
# Thanks that credit no help received.
_IN_ADVANCE = (
    r"in advance", r"\btia\b", r"d'avance", r"par avance", r"im voraus", r"de antemano", r"por adelantado",
    r"desde j[aá]", r"in anticipo", r"bij voorbaat", r"z g[oó]ry", r"заранее", r"for any (?:help|pointers|ideas|hints|advice)",
    r"any (?:help|pointers|ideas|advice|hints)(?: (?:is|are|would be))? (?:much |greatly )?appreciated",
    r"would (?:be|really be) (?:much |greatly )?appreciated", r"thanks? for (?:reading|looking|your time)",
)
_DECLINE = (r"\bno,? thanks?\b", r"\bi'?m (?:good|fine|ok|okay),? thanks?\b", r"\bno,? thank you\b", r"\bnon,? merci\b", r"\bnein,? danke\b", r"\bno,? gracias\b",
            r"\bnão,? obrigad", r"\bno,? grazie\b")
_ANYWAY = (r"thanks? anyway", r"thanks? for nothing", r"thank you anyway", r"thanks? for trying", r"anyway,? thanks?", r"merci quand m[eê]me",
           r"trotzdem danke", r"danke trotzdem", r"gracias de todos modos", r"igual,? gracias")
_SELF_SOLVED = (r"\bnvm\b", r"never ?mind", r"figured (?:it )?out", r"found (?:it|the (?:problem|issue|answer)) myself",
                r"solved it myself", r"fixed it myself", r"my (?:bad|mistake)", r"answering my own", r"for the record,? i")
FOR_CONTRIBUTION = re.compile(
    r"(?:(?:thanks?|thank you|asante|cheers|obrigad[oa]|grazie)(?: \w+){0,2}? for|danke (?:dir |euch |ihnen )?f[üu]r|"
    r"merci pour|gracias por) "
    r"(?:the |your |this |that |a |filing |opening |das |den |die |deine[nm]? |le |la |les |ton |ta |tes |votre |el |la |tu )?"
    r"(?:detailed |quick |great |nice |clear |warm |kind |lovely |thorough )?(?:bug )?(?:report|reporting|issue|pr\b|"
    r"pull request|patch|contribution|question|asking|feedback|testing|fix(?:ing)? (?:the |this |that )?(?:docs?|typo)|"
    r"logs?\b|details|info\b|information|screenshot|output|data\b|review|shout-?out|mention|kind words|compliment|"
    r"following up|reporting back|posting (?:the|your) (?:solution|fix)|sharing (?:the|your) (?:solution|fix)|"
    r"raising|flagging|welcome|welcoming|having me|organi[sz]|coming|invite|invitation|reviewing|the merge|"
    r"merging|taking a look at my|work on this|being|hosting|sponsor|votes?|voting|your patience|the heads[- ]up|"
    r"bringing this up|pointing (?:this|that) out|catching|spotting)", re.IGNORECASE,
)
TO_ALL = re.compile(
    r"(?:thanks?|thank you|merci|danke|gracias)(?: so much| a lot)?,? (?:to )?(?:everyone|everybody|all\b|y'all|you all|"
    r"all of you|folks|the team|our sponsors|sponsors|contributors|all contributors|attendees|speakers|volunteers|"
    r"organi[sz]ers|tout le monde|à tous|an alle|allen|a todos)", re.IGNORECASE
)
# a maintainer or reviewer thanking a contributor for their work
MERGING = re.compile(r"\bmerg(?:ed|ing)\b|\bwill merge\b|\blanded\b|\blgtm\b|\bapprov(?:ed|ing)\b", re.IGNORECASE)
CAUSAL = re.compile(r"\bthanks to\b|\bgrâce (?:à|a)\b|\bdank (?:dem|der|des)\b|\bgracias a\b", re.IGNORECASE)
_HELPER_TALK = (r"glad (?:it|that|to|i|this)", r"happy to help", r"you(?:'re| are) welcome", r"no problem", r"\bnp\b",
                r"any ?time", r"de rien", r"gern geschehen", r"de nada")
BUT = re.compile(r"\b(?:but|mais|aber|pero|mas|ma|maar|ale|mutta|men|но)\b|しかし|でも|但是", re.IGNORECASE)
_FAILED = (r"didn'?t", r"doesn'?t", r"does not", r"did not", r"\bnot work", r"\bstill\b", r"no luck", r"same (?:error|problem|issue)",
           r"\bnope\b", r"ne marche pas", r"ne fonctionne pas", r"funktioniert nicht", r"klappt nicht", r"no funciona",
           r"não funcionou", r"non funziona", r"werkt niet", r"nie działa", r"не работает", r"isn'?t there", r"can'?t find",
           r"\bno (?:option|setting|such)", r"\bbroken\b", r"\bfails?\b", r"\bedelleen\b", r"\btoujours pas\b", r"\bimmer noch\b", r"まだ", r"同じエラー", r"还是", r"仍然")


def _any(patterns: Sequence[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


STRONG, WEAK, WORKED, IN_ADVANCE, DECLINE, ANYWAY, SELF_SOLVED, HELPER_TALK, FAILED = map(
    _any, (_STRONG, _WEAK, _WORKED, _IN_ADVANCE, _DECLINE, _ANYWAY, _SELF_SOLVED, _HELPER_TALK, _FAILED))
