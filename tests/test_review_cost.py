"""The review cost model: what each correction costs a reviewer."""

from annotator.nlp.review_cost import ReviewCost, review_actions


def test_perfect_suggestions_cost_one_action_per_article():
    gold = [(0, 5, "PER"), (10, 20, "ORG")]
    assert review_actions(gold, gold).actions == 1


def test_each_correction_has_its_price():
    gold = [(0, 5, "PER"), (10, 20, "ORG"), (30, 40, "LOC"), (50, 60, "MISC")]
    pred = [(0, 5, "LOC"),          # relabel 1
            (10, 15, "ORG"),        # resize 1
            (30, 38, "PER"),        # relabel + resize 2
            (70, 75, "LOC")]        # delete 1; MISC missing: create 2
    cost = review_actions(gold, pred)
    assert (cost.relabel, cost.resize, cost.delete, cost.create) == (2, 2, 1, 1)
    assert cost.actions == 2 + 2 + 1 + 2 + 1


def test_a_directive_is_never_paired_with_an_entity():
    gold = [(0, 50, "DIRECTIVE")]
    pred = [(0, 10, "ORG")]
    cost = review_actions(gold, pred)
    assert (cost.delete, cost.create, cost.relabel) == (1, 1, 0)


def test_costs_add_up_over_articles():
    total = ReviewCost()
    total += review_actions([(0, 5, "PER")], [])
    total += review_actions([], [(0, 5, "PER")])
    assert total.articles == 2 and total.actions == (2 + 1) + (1 + 1)
    assert total.per_article() == 2.5
