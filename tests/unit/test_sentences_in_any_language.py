"""The handouts and the facilitator guide print no sentence twice (facilitate/workshop.py): the
sentences are told apart in any language and script, so none is dropped as a false repeat."""

from __future__ import annotations

import pytest

from components.content.pseudo import pseudo_text
from components.facilitate.workshop import sentences, without_repeats


@pytest.mark.parametrize(
    "first, second",
    [
        ("No one has to share anything personal.", "You can take a break at any time."),
        ("Nadie tiene que contar nada personal.", "Puedes hacer una pausa cuando quieras."),
        ("Κανείς δεν χρειάζεται να πει κάτι.", "Μπορείς να κάνεις διάλειμμα."),
        (pseudo_text("No one has to share anything personal."), pseudo_text("You can take a break at any time.")),
    ],
)
def test_different_sentences_are_kept(first, second):
    assert without_repeats([first], [second]) == [second]
    assert without_repeats([first], [first]) == [""]


def test_spanish_sentences_split_before_an_opening_question_mark():
    assert sentences("Hola. ¿Qué tal? ¡Bien! Él vino.") == ["Hola.", "¿Qué tal?", "¡Bien!", "Él vino."]
    assert sentences("One. Two, three.") == ["One.", "Two, three."]
