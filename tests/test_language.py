"""The plainly-English shortcut in front of the language identifier: it only ever says yes to
English prose, and leaves everything unclear to py3langid."""

import py3langid
import pytest

from sitrep.ingest.inbox import check_text
from sitrep.ingest.language import plainly_english

ENGLISH = (
    "Government forces said on Sunday that they had taken back the town after three days of fighting, "
    "and a monitoring group said at least twelve people were killed in the clashes, which began when "
    "rebels attacked a checkpoint on the road to the city."
)

# invented sentences of news copy in other languages, long enough for the shortcut to look at them
FOREIGN = {
    "fr": "Les forces gouvernementales ont annoncé dimanche avoir repris la ville après trois jours de combats, "
          "et une organisation de surveillance a indiqué qu'au moins douze personnes ont été tuées dans les "
          "affrontements qui ont commencé quand des rebelles ont attaqué un poste de contrôle sur la route.",
    "es": "Las fuerzas del gobierno dijeron el domingo que habían recuperado la ciudad tras tres días de combates, "
          "y un grupo de vigilancia afirmó que al menos doce personas murieron en los enfrentamientos, que "
          "comenzaron cuando los rebeldes atacaron un puesto de control en la carretera a la ciudad.",
    "pt": "As forças do governo disseram no domingo que tinham retomado a cidade após três dias de combates, "
          "e um grupo de monitoramento afirmou que pelo menos doze pessoas morreram nos confrontos, que "
          "começaram quando os rebeldes atacaram um posto de controle na estrada para a cidade.",
    "it": "Le forze governative hanno detto domenica di aver ripreso la città dopo tre giorni di combattimenti, "
          "e un gruppo di monitoraggio ha affermato che almeno dodici persone sono state uccise negli scontri, "
          "iniziati quando i ribelli hanno attaccato un posto di blocco sulla strada per la città.",
    "de": "Regierungstruppen erklärten am Sonntag, sie hätten die Stadt nach drei Tagen der Kämpfe "
          "zurückerobert, und eine Beobachtungsgruppe sagte, mindestens zwölf Menschen seien bei den "
          "Gefechten getötet worden, die begannen, als Rebellen einen Kontrollpunkt an der Straße angriffen.",
    "nl": "Regeringstroepen zeiden zondag dat zij de stad na drie dagen van gevechten hadden heroverd, en een "
          "waarnemersgroep zei dat in de gevechten ten minste twaalf mensen zijn gedood, die begonnen toen "
          "rebellen een controlepost aan de weg naar de stad aanvielen.",
}


def test_english_prose_is_plainly_english():
    assert plainly_english(ENGLISH)


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_other_languages_are_never_plainly_english_and_are_still_rejected(lang):
    text = FOREIGN[lang]
    assert not plainly_english(text)
    assert py3langid.classify(text)[0] == lang  # the identifier, which still decides, knows them
    assert check_text(text, max_chars=100_000).startswith("not English")


def test_short_or_wordless_texts_are_left_to_the_identifier():
    assert not plainly_english("Two killed in the attack on the town.")  # too few words to judge
    assert not plainly_english("ALEPPO, IDLIB, HAMA, HOMS, RAQQA, DEIR EZZOR, DARAA " * 5)


def test_english_in_capitals_that_the_identifier_misreads_is_kept():
    """Broadcast transcripts come in capitals, which py3langid sometimes reads as another
    language (one gva_dev transcript as Lingala); their function words say English."""
    caps = ENGLISH.upper()
    assert plainly_english(caps)
    assert check_text(caps, max_chars=100_000) is None


def test_a_headline_read_as_pidgin_with_english_second_is_english():
    """Short headlines with few function words are often ranked Nigerian Pidgin first and
    English a close second; the pidgin's words are English's, so the text is kept."""
    headline = "Jets kill 40 civilians in Idlib market Monitor AFP Monday 3 April 2017"
    ranking = [lang for lang, _ in py3langid.rank(headline)[:2]]
    assert ranking == ["pcm", "en"]
    assert check_text(headline, max_chars=100_000) is None


def test_english_second_behind_any_other_language_is_still_rejected():
    from sitrep.ingest.language import identified_as_english

    assert identified_as_english([("en", -10.0), ("pcm", -12.0)])
    assert identified_as_english([("pcm", -10.0), ("en", -12.0)])
    assert not identified_as_english([("fr", -10.0), ("en", -12.0)])
    assert not identified_as_english([("pcm", -10.0), ("fr", -12.0), ("en", -13.0)])
