"""The text of a web page: transcripts are often saved from the page that published them.

A briefing on a ministry's or a news site's page is paragraphs in `<p>` and `<div>`
elements, labels in `<strong>` (`<p><strong>寿小丽：</strong>女士们…</p>`). The page is read
as its text, one line per block element, so the formats find their labels at the start of
lines as they would in a text file; scripts, styles and the page's head are left out, and
the `<title>` becomes a `# ` heading. Spans of the transcript then point into this text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

# Elements that end a line of text where they open or close.
_BLOCKS = {
    *("p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header"),
    *("footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "hr"),
    *("main", "aside", "nav", "figure", "figcaption", "td", "th"),
}
# Elements whose content is never text of the page.
_HIDDEN = {"script", "style", "head", "noscript", "template", "svg", "iframe"}

_HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether `text` is a whole web page, not a transcript holding a tag or two: Markdown
    transcripts embed `<br>` and `<iframe>`, and stay Markdown.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>主持人：你好</p></body></html>")
    True
    >>> looks_like_html("### 唐鳳：我們用<br>換行，<p>標籤也可以。")
    False
    """
    return _HTML_START.search(text[:2000]) is not None


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False

    def _end_line(self) -> None:
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self.current)).strip(" ")
        if line.strip():
            self.lines.append(line)
        elif self.lines and self.lines[-1]:
            self.lines.append("")  # a paragraph break, once
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """The page's text: one line per block element, the title as a `# ` heading.

    >>> print(html_to_text("<html><head><title>发布会</title></head><body>"
    ...                    "<p><strong>主持人：</strong>大家好。</p><p>&nbsp;</p>"
    ...                    "<p>记者：请问？</p><script>x()</script></body></html>"), end="")
    # 发布会
    <BLANKLINE>
    主持人：大家好。
    <BLANKLINE>
    记者：请问？
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser._end_line()
    lines = parser.lines
    while lines and not lines[-1]:
        lines.pop()
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip()
    body = "\n".join(lines)
    if title and not body.lstrip().startswith(title):
        body = f"# {title}\n\n{body}"
    return body + "\n"
