"""Is Chinese text drawn with real glyphs in the browser, or as missing-glyph boxes (tofu)?

For each element matched, the page measures the element's text and as many characters of a
private-use code point (which no font draws: the missing-glyph box) at the same style. A
drawn Chinese character is about an em wide and unlike the box; without a CJK font the two
widths are equal. `make browser` installs fonts-wqy-zenhei."""

WIDTHS = """(selector) => [...document.querySelectorAll(selector)].map(el => {
    const probe = el.cloneNode(false);
    probe.textContent = '\\uE000'.repeat(el.textContent.length);
    probe.style.display = 'inline';
    const text = el.cloneNode(true);
    text.style.display = 'inline';
    el.parentNode.appendChild(probe);
    el.parentNode.appendChild(text);
    const result = {
        text: el.textContent,
        glyphs: text.getBoundingClientRect().width,
        tofu: probe.getBoundingClientRect().width,
        size: parseFloat(getComputedStyle(el).fontSize),
    };
    probe.remove();
    text.remove();
    return result;
})"""


def glyph_widths(tab, selector: str) -> dict[str, dict]:
    """{text: {glyphs, tofu, size}} of every element `selector` matches in the Playwright tab."""
    return {entry["text"]: entry for entry in tab.evaluate(WIDTHS, selector)}


def drawn(entry: dict) -> bool:
    """The text was drawn with glyphs of its own, not missing-glyph boxes."""
    return abs(entry["glyphs"] - entry["tofu"]) > 0.2 * entry["glyphs"]
