"""Invented articles for the web tests (written for tollwatch; no real reports)."""

from __future__ import annotations

from tollwatch.model import Document

ARTICLES = [
    Document(
        id="web-a1", published="2025-02-03", outlet="Harbour Ledger",
        url="https://ledger.example/a1", title="Clashes near the river crossing",
        text=("Fighting flared again along the river on Saturday.\n\n"
              "The Ukrainian General Staff said on Sunday that 240 Russian soldiers were "
              "killed in the fighting near the crossing.\n\n"
              "Local officials said about 1,500 residents had fled their homes since the "
              "start of the week.")),
    Document(
        id="web-a2", published="2025-02-10", outlet="Northern Courier",
        url="https://courier.example/a2", title="Losses mount at the crossing",
        text=("The Ukrainian General Staff said on Monday that 310 Russian soldiers were "
              "killed over the previous week.\n\n"
              "Russia's defence ministry said on Monday that 45 Ukrainian soldiers were "
              "captured near the crossing.")),
    Document(
        id="web-a3", published="2025-02-17", outlet="Valley Times",
        url="https://valley.example/a3", title="A week of shelling",
        text=("The Institute for the Study of War said on Friday that at least 400 Russian "
              "soldiers were killed in the battle for the crossing.\n\n"
              "Aid workers said 12 civilians were injured when a shell hit the market.")),
]

#: An article whose every field tries to inject markup or script into the pages.
HOSTILE = Document(
    id="web-hostile", published="2025-02-20",
    outlet='<script>alert("outlet")</script>',
    url="javascript:alert('url')",
    title='<img src=x onerror=alert("title")>',
    text=('<script>alert("text")</script> The regional governor said on Tuesday that 75 '
          'Russian soldiers were killed <img src=x onerror=alert("quote")> near the '
          'crossing.\n\n<iframe src="https://evil.example/"></iframe> '
          '<a href="javascript:alert(1)">click</a> "><svg onload=alert(2)>'),
)
