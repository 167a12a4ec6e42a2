"""User text becomes safe Paragraph markup that switches font only where it must."""

from __future__ import annotations

from app.reports.fonts import FALLBACK, SANS, font_runs, paragraph_markup, register_fonts


def test_registering_twice_is_harmless():
    assert register_fonts() == register_fonts()


def test_markup_escapes_angle_brackets_and_ampersands():
    assert paragraph_markup("R&D <team> & co") == "R&amp;D &lt;team&gt; &amp; co"


def test_only_characters_the_main_font_lacks_use_the_fallback():
    markup = paragraph_markup("Li Na 李娜 & Łukasz")
    assert markup.startswith(f'Li Na <font name="{FALLBACK}">李娜')
    assert markup.count("<font") == 1
    assert markup.endswith("</font>&amp; Łukasz")


def test_latin_greek_cyrillic_and_vietnamese_stay_in_the_main_font():
    for name in ("Łukasz", "Zoë", "Ngọc", "Øyvind", "Άννα", "Мария"):
        assert font_runs(name) == [(SANS, name)]


def test_decomposed_vietnamese_is_composed_before_printing():
    assert font_runs("Ngo\u0323c") == [(SANS, "Ngọc")]
