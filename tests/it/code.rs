//! Code blocks: highlighted at build time, plain where the language is
//! unknown, and never highlighting markup in the search index or in
//! `tier0 search`.

use crate::support::{Site, stderr, tree};

const ARTICLE: &str = r#"---
id: KB-70
title: Vaciar la caché DNS
tags: [dns]
---

1. Abra PowerShell como administrador y ejecute:

   ```PowerShell
   Clear-DnsClientCache # vacía la caché
   Get-Service -Name "Dnscache" | Restart-Service
   ```

2. Compruebe la respuesta:

   ```sh title="probar.sh"
   nslookup intranet.example <<< "$SERVIDOR"
   ```

```{.yaml linenums="1"}
servidor: 10.0.0.53
```

```klingon
Qapla' <b>batlh</b> & ghItlh
```

```{code-block} ini
:caption: `red.ini`
:linenos:
puerta=10.0.0.1
```

```
sin lenguaje zzcodeword
```
"#;

fn built() -> Site {
    let site = Site::fixture("basic");
    site.write("content/red/dns.md", ARTICLE);
    let out = site.tier0(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    site
}

#[test]
fn known_languages_are_highlighted_and_unknown_ones_left_plain() {
    let site = built();
    let page = site.read_public("red/dns/index.html");
    // Named as another generator writes it (`PowerShell`): highlighted.
    assert!(
        page.contains(r#"<pre><code class="language-powershell"><span class="hl-function">Clear-DnsClientCache</span> <span class="hl-comment"># vacía la caché"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<span class="hl-string">"Dnscache"</span>"#),
        "{page}"
    );
    // A title after the language, and an attribute list, still name it.
    assert!(
        page.contains(r#"<code class="language-sh"><span class="hl-function">nslookup</span>"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<code class="language-yaml"><span class="hl-tag">servidor</span>"#),
        "{page}"
    );
    // Unknown: plain and escaped, its language kept for the theme.
    assert!(
        page.contains("<pre><code class=\"language-klingon\">Qapla' &lt;b&gt;batlh&lt;/b&gt; &amp; ghItlh\n</code></pre>"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code>sin lenguaje zzcodeword\n</code></pre>"),
        "{page}"
    );
    // A title names the file the code shows, above it: written in the
    // info string, or as a MyST directive's caption (the options left out).
    assert!(
        page.contains(
            "<p class=\"code-title\"><code>probar.sh</code></p>\n<pre><code class=\"language-sh\">"
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "<p class=\"code-title\"><code>red.ini</code></p>\n<pre><code class=\"language-ini\">"
        ),
        "{page}"
    );
    assert!(!page.contains(":linenos:"), "{page}");
    // The blocks inside steps stay inside them.
    assert!(page.contains("id=\"paso-2\""), "{page}");
}

#[test]
fn the_search_index_and_tier0_search_hold_the_code_without_markup() {
    let site = built();
    let files = tree(&site.public());
    let search: Vec<_> = files
        .iter()
        .filter(|(path, _)| path.starts_with("search/"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes))
        .collect();
    assert!(search.iter().any(|text| text.contains("zzcodeword")));
    assert!(
        search
            .iter()
            .any(|text| text.to_lowercase().contains("dnsclientcache"))
    );
    for text in &search {
        assert!(!text.contains("hl-"), "highlighting in the search index");
    }
    let out = site
        .tier0(&["search", "Clear-DnsClientCache"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("KB-70"), "{text}");
    assert!(!text.contains("hl-") && !text.contains("<span"), "{text}");
    let out = site
        .tier0(&["search", "--json", "Dnscache"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("KB-70") && !text.contains("hl-"), "{text}");
}

#[test]
fn the_same_code_gives_the_same_page() {
    let first = built();
    let second = built();
    assert_eq!(
        first.read_public("red/dns/index.html"),
        second.read_public("red/dns/index.html")
    );
}
