"""Lines of the page around a story (captions, galleries, a video player, teaser lists) are found."""

from sitrep.text.debris import debris_spans


def _debris(text: str) -> list[str]:
    return [text[a:b] for a, b in debris_spans(text)]


def test_captions_galleries_players_and_tweets_are_debris():
    lines = [
        "Two men were shot dead on Main Street early Monday. Channel 9's reporter has the story. (Published Monday, July 7, 2014)",
        "Officers stand at the scene of the shooting, police said. (Photo: Daily Courier)",
        "A crowd gathered after the shooting on Friday, police said. View Full Caption Courier/Jane Roe",
        "Photo: Jane Roe, The Courier Image 1 of / 12 Caption Close",
        "Image 3 of 12 Deputies search the yard where a man was shot Saturday.",
        "Skip Ad Ad Loading... x Embed x Share Police say the gunman fired 40 rounds.",
        "[RELATED: Man killed in weekend shooting at a park]",
        "Man shot, killed on Oak St #news pic.twitter.com/AbCdEf123 — Jo Reporter (@joreports) July 20, 2016",
    ]
    text = "\n\n".join(lines) + "\n"
    assert _debris(text) == lines


def test_the_story_itself_is_not_debris():
    text = ("POLICE — A man was shot and killed in a parking lot on Saturday night, police said.\n\n"
            "The victim, 24, died at the hospital (Mercy General) shortly after.\n\n"
            "Image analysts at the lab are studying the footage, the chief said.\n")
    assert _debris(text) == []


def test_a_list_of_twice_printed_teasers_is_debris_but_a_lead_printed_twice_is_not():
    teasers = [
        "A Missouri father got a note from the teacher over what he packed for lunch.",
        "A Missouri father got a note from the teacher over what he packed for lunch.",
        "Soldier comes home to a surprise",
        "Four teens were arrested after a series of car break-ins in the county on Friday.",
        "Four teens were arrested after a series of car break-ins in the county on Friday.",
    ]
    lead = "A boy was shot and killed at his home on Wednesday afternoon, police said."
    story = ["Teen dies in shooting at home", "Posted: Thursday", "A town is in mourning."]
    text = "\n\n".join([*teasers, *story, lead, lead, "The story goes on."]) + "\n"
    assert _debris(text) == teasers


def test_summaries_cut_at_different_lengths_are_one_teaser():
    first = "The governor signed six gun-control measures on Friday that require background checks for ammunition sales, as lawmakers seek to strengthen..."
    second = "The governor signed six gun-control measures on Friday that require background checks for ammunition sales, as lawmakers seek to..."
    other = "Scientists are studying whether growing seaweed can ease the effects of ocean acidification"
    text = "\n".join([other, other, first, second, "The story."]) + "\n"
    assert _debris(text) == [other, other, first, second]


def test_offsets_point_into_the_text():
    text = "Lead of the story, told first.\r\nA caption of a photo. (Photo: Courier)\r\n"
    (start, end), = debris_spans(text)
    assert text[start:end] == "A caption of a photo. (Photo: Courier)"
