"""The labelled sets hold the radar and the evidence finder to their goals."""

from sources.evaluation import evidence_figures, radar_figures


def test_labelled_sets_are_large_enough():
    assert radar_figures()["items"] >= 60
    assert evidence_figures()["passages"] >= 20


def test_radar_misses_no_relevant_consultation_at_the_default_threshold():
    figures = radar_figures()
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.6


def test_radar_holds_its_goals_on_the_items_it_was_not_tuned_against():
    figures = radar_figures(which="unseen")
    assert figures["items"] >= 40
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.6


def test_evidence_finder_finds_every_passage_naming_lpp():
    figures = evidence_figures()
    assert figures["named_found"] == figures["named"] and figures["named_false"] == 0


def test_evidence_finder_ranks_the_right_proposal_first_in_most_passages():
    figures = evidence_figures()
    assert figures["first_right"] / figures["answered"] >= 0.8
