use super::*;

fn text(body: &str) -> String {
    prepare(body, false).text().to_owned()
}

fn mdx(body: &str) -> String {
    prepare(body, true).text().to_owned()
}

/// Vocs's home page nests its own components (`<HomePage.Button>` in
/// `<HomePage.Buttons>`): with their tags dropped, the buttons' labels,
/// indented four spaces, became an indented code block, which MDX does
/// not have.
#[test]
fn text_indented_in_mdx_is_no_code_block() {
    let body = "<Home>\n  <Home.Buttons>\n    <Home.Button href=\"/start\">Get started</Home.Button>\n\n        Read on.\n  </Home.Buttons>\n</Home>\n";
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&mdx(body)));
    assert!(!html.contains("<pre>"), "{html}");
    assert!(html.contains("<p>Get started</p>"), "{html}");
    assert!(html.contains("<p>Read on.</p>"), "{html}");
    // Plain Markdown keeps its indented code.
    assert_eq!(text("Text.\n\n    code\n"), "Text.\n\n    code\n");
}

#[test]
fn plain_markdown_is_not_copied() {
    let body = "# Title\n\nSome `{{ code }}` and a [link](x.md).\n\n```\n{% raw %}\n```\n";
    let prepared = prepare(body, false);
    assert!(matches!(prepared.text, Cow::Borrowed(_)));
    assert_eq!(prepared.text(), body);
    assert!(prepared.warnings(Path::new("a.md"), body, 0).is_empty());
}

#[test]
fn block_quotes_are_read_only_for_what_other_tools_write_in_them() {
    let own = "> [!INTERNAL] Para el CAU\n> Reinicie.\n\n> [!NOTE]\n> Nota.\n\n> Una cita.\n";
    assert!(!has_dialect(own));
    for quoted in [
        "> [!tip] Title\n",
        "> !!! note\n>     Body\n",
        "> > ::: tip\n",
    ] {
        assert!(has_dialect(quoted), "{quoted}");
    }
}

#[test]
fn mkdocs_admonitions_become_alerts() {
    let body = "Intro\n\n!!! tip \"Stand-alone blog\"\n\n    Body *text*\n    more\n\n        code\n\nAfter\n";
    assert_eq!(
        text(body),
        "Intro\n\n> [!TIP]\n>\n> Body *text*\n> more\n>\n>     code\n>\n\nAfter\n"
    );
    let prepared = prepare(body, false);
    let at = prepared.text().find("> [!TIP]").unwrap();
    let admonition = prepared.admonition_at(at).unwrap();
    assert_eq!(admonition.title.as_deref(), Some("Stand-alone blog"));
    assert_eq!(admonition.kind, AlertKind::Tip);
    assert_eq!(prepared.admonition_at(0), None);
}

#[test]
fn two_admonitions_in_a_row_stay_two() {
    assert_eq!(
        text("!!! note\n    One\n\n!!! tip\n    Two\n"),
        "> [!NOTE]\n> One\n>\n\n> [!TIP]\n> Two\n"
    );
}

#[test]
fn an_admonition_ended_by_text_does_not_swallow_it() {
    assert_eq!(
        text("??? question\n    Why?\nBecause.\n"),
        "> [!NOTE]\n> Why?\n\nBecause.\n"
    );
}

#[test]
fn an_admonition_closes_the_colon_containers_left_open_inside_it() {
    // Starlette's docs: a mkdocstrings directive in a folded admonition.
    let body = "??? abstract \"API\"\n    ::: pkg.Class\n\nText.\n\n!!! note\n    :::tip\n    Tip\nAfter.\n";
    let out = text(body);
    assert!(out.contains("\n\nText.\n"), "{out}");
    assert!(out.ends_with("\n\nAfter.\n"), "{out}");
}

#[test]
fn pymdown_blocks_become_alerts_tabs_and_containers() {
    let body = "/// warning | Careful\nText.\n\n//// tab | Windows\nRun it.\n////\n///\n\n/// html | div.result\n==mark==\n///\n\nAfter.\n";
    let out = text(body);
    assert_eq!(
        out,
        "> [!WARNING]\n> Text.\n>\n> **Windows**\n>\n> Run it.\n>\n\n\n\n==mark==\n\n\nAfter.\n"
    );
    let prepared = prepare(body, false);
    let admonition = prepared.admonition_at(0).unwrap();
    assert_eq!(admonition.title.as_deref(), Some("Careful"));
}

#[test]
fn nested_admonitions_and_fences_inside() {
    let body = "!!! note\n    Outer\n\n    !!! warning \"Inner\"\n        ```yaml\n        a: {{ x }}\n        ```\n";
    assert_eq!(
        text(body),
        "> [!NOTE]\n> Outer\n>\n> > [!WARNING]\n> > ```yaml\n> > a: {{ x }}\n> > ```\n"
    );
}

#[test]
fn admonitions_inside_list_items() {
    assert_eq!(
        text("1. Step\n\n    !!! note\n        Careful\n"),
        "1. Step\n\n    > [!NOTE]\n    > Careful\n"
    );
}

#[test]
fn colon_containers_nest_and_close() {
    let body = "::::warning Use\nOuter\n\n:::tip\nInner\n:::\n\nBack\n::::\nOut\n";
    assert_eq!(
        text(body),
        "> [!WARNING]\n> Outer\n>\n> > [!TIP]\n> > Inner\n>\n>\n> Back\n\nOut\n"
    );
    let body = "::: code-group\n```sh [npm]\nnpm i\n```\n:::\n";
    assert_eq!(text(body), "\n```sh [npm]\nnpm i\n```\n\n");
    // A stray closing line is text.
    assert_eq!(text("a\n:::\n"), "a\n:::\n");
}

#[test]
fn collapsible_details() {
    let prepared = prepare("::: details Click me\nHidden\n:::\n", false);
    assert_eq!(prepared.text(), "> [!NOTE]\n> Hidden\n\n");
    let admonition = prepared.admonition_at(0).unwrap();
    assert_eq!(admonition.collapsible, Some(false));
    assert_eq!(admonition.title.as_deref(), Some("Click me"));
}

#[test]
fn content_tabs_show_their_titles() {
    assert_eq!(
        text("Before\n=== \"Now\"\n\n    Today\n\n=== \"Then\"\n\n    Yesterday\n"),
        "Before\n\n**Now**\n\n\nToday\n\n**Then**\n\n\nYesterday\n"
    );
}

#[test]
fn vuepress_tabs_show_their_titles_inside_their_container_only() {
    assert_eq!(
        text(
            "::: code-tabs#shell\n\n@tab pnpm\n\nOne\n\n@tab:active npm#npm\n\nTwo\n:::\n\n@tab kept\n"
        ),
        "\n\n**pnpm**\n\n\nOne\n\n**npm**\n\n\nTwo\n\n\n@tab kept\n"
    );
}

#[test]
fn shortcodes_keep_their_inner_text_and_warn_once() {
    let body = "A {{< new-in 0.1 >}} b\n\n{{% center %}}\nInner **text**\n{{% /center %}}\n\n`{{< kept >}}`\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "A b\n\n\nInner **text**\n\n\n`{{< kept >}}`\n"
    );
    let warnings = prepared.warnings(Path::new("a.md"), body, 10);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        warnings[0].message,
        "3 Hugo shortcodes left out of the page (the first: `{{< new-in 0.1 >}}`)"
    );
    assert_eq!(
        warnings[0].span,
        10 + 2..10 + 2 + "{{< new-in 0.1 >}}".len()
    );
}

#[test]
fn code_is_never_touched() {
    let body = "```go-html-template\n{{ range .Pages }}\n{{< x >}}\n```\n\n    {% indented %}\n\n~~~\n:::tip\n~~~\n";
    assert_eq!(text(body), body);
}

#[test]
fn highlight_blocks_become_fenced_code() {
    assert_eq!(
        text("{% highlight ruby %}\nputs '{{ x }}'\n{% endhighlight %}\n"),
        "```ruby\nputs '{{ x }}'\n```\n"
    );
    assert_eq!(
        text("{{< code-toggle file=hugo >}}\ntitle = 'x'\n{{< /code-toggle >}}\n"),
        "```\ntitle = 'x'\n```\n"
    );
}

#[test]
fn templates_and_ref_shortcodes() {
    assert_eq!(
        text("Hi {{ page.title }} and {% include x.html %}.\n[go]({{< ref \"install.md\" >}})\n"),
        "Hi and .\n[go](install.md)\n"
    );
}

#[test]
fn hugo_shortcodes_written_over_lines_are_read_as_on_one() {
    // Hugo's documentation writes its `img` so, one key a line.
    assert_eq!(
        text("{{< img\n  src=\"a.png\"\n  alt=\"Tray\"\n  example=true\n>}}\nNext\n"),
        "![Tray](<a.png>)\n\n\n\n\n\nNext\n"
    );
    assert_eq!(
        text("{{% notice\n    tip %}}\nInside.\n{{% /notice %}}\n"),
        "> [!TIP]\n> \n> Inside.\n\n"
    );
    // Another call before the closer, or text after it: not read as one,
    // and left to the inline pass.
    let unclosed = text("{{< figure\n\n{{< figure src=\"b.png\" >}}\n");
    assert!(unclosed.ends_with("\n![](<b.png>)\n\n"), "{unclosed:?}");
    assert_eq!(
        text("{{< figure\n  src=\"a.png\" >}} and text\n"),
        "\n and text\n"
    );
}

#[test]
fn mdx_imports_components_comments_and_expressions() {
    let body = "import Tabs from '@theme/Tabs';\nimport {\n  X,\n} from 'y';\n\n# Title {/* #custom */}\n\n\
                <Tabs>\n<TabItem value=\"a\" label=\"A\">\n\nText {/* note */} here\n\n</TabItem>\n</Tabs>\n\n\
                {props.items.map(i => (\n  <li>{i}</li>\n))}\n\n<LiteYouTubeEmbed\n  id=\"x\"\n/>\n\n\
                ```js\nimport a from 'b'\n<App />\n```\n";
    let out = mdx(body);
    assert_eq!(
        out,
        "\n\n\n\n\n# Title {#custom}\n\n\n**A**\n\n\nText here\n\n\n\n\n\n\n\n\n\n\n\n\n```js\nimport a from 'b'\n<App />\n```\n"
    );
    // The tabs are read (the label shows); the others are left out.
    let warnings = prepare(body, true).warnings(Path::new("a.mdx"), body, 0);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].message.starts_with("1 JSX component tag "),
        "{}",
        warnings[0].message
    );
}

#[test]
fn markdown_with_an_import_is_read_as_mdx_from_there() {
    let body = "{x}\n\nimport A from './A';\n\n{x}\n<Alert />\n";
    assert_eq!(text(body), "{x}\n\n\n\n\n\n");
}

#[test]
fn vue_blocks_are_dropped() {
    assert_eq!(
        text(
            "<script setup>\nimport A from './A.vue'\n</script>\n\n# T\n\n<style scoped>\n.a {}\n</style>\n"
        ),
        "\n\n\n\n# T\n\n\n\n\n"
    );
}

#[test]
fn offsets_map_back_into_the_body() {
    let body = "!!! note\n    See [x](missing.md) {{< y >}}\n";
    let prepared = prepare(body, false);
    let out = prepared.text();
    let link = out.find("[x]").unwrap();
    assert_eq!(prepared.source_offset(link), body.find("[x]").unwrap());
    let after = out.find("missing").unwrap();
    assert_eq!(prepared.source_offset(after), body.find("missing").unwrap());
}

#[test]
fn mkdocstrings_directives_and_their_options_are_left_out() {
    // Hatch's plugin reference pages: the options were an indented code
    // block, and the directive a container holding the rest of the page.
    let body = "Intro\n\n::: pkg.plugin.Interface\n    options:\n      members:\n\n      - name\n\n# ::: pkg.other\n\nAfter\n";
    let prepared = prepare(body, false);
    assert_eq!(prepared.text(), "Intro\n\n\n\n\n\n\n\n\n\nAfter\n");
    let warnings = prepared.warnings(Path::new("a.md"), body, 0);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].message.starts_with("2 directives left out"),
        "{:?}",
        warnings[0]
    );
}

#[test]
fn html_elements_with_a_markdown_attribute_hold_markdown() {
    // Hatch's blog: the image was shown as `![…](…)` inside the figure.
    assert_eq!(
        text(
            "1. Step:\n\n     <figure markdown>\n         ![Run](run.png)\n     </figure>\n2. Next\n"
        ),
        "1. Step:\n\n     <figure markdown>\n\n     ![Run](run.png)\n     </figure>\n2. Next\n"
    );
    // MkDocs Material's grid cards: the body is not indented.
    assert_eq!(
        text("<div class=\"grid cards\" markdown>\n- One\n- Two\n</div>\nAfter\n"),
        "<div class=\"grid cards\" markdown>\n\n- One\n- Two\n\n</div>\nAfter\n"
    );
    for not in [
        "<div markdown>text</div>\n",
        "<div class=\"markdown\">\n",
        "<markdown x>\n",
    ] {
        assert_eq!(text(not), not);
    }
}

#[test]
fn the_next_tab_of_a_list_item_is_a_tab() {
    // The second tab was read as indented code once the first had closed:
    // the list around the first tab was forgotten.
    let body = "- Activate it:\n\n    === \"macOS\"\n\n        ```\n        . bin/activate\n        ```\n\n    === \"Windows\"\n\n        Run it.\n";
    let out = text(body);
    assert!(out.contains("    **macOS**\n"), "{out}");
    assert!(out.contains("    **Windows**\n"), "{out}");
    assert!(!out.contains("==="), "{out}");
}

#[test]
fn myst_directives_become_alerts_or_are_left_out() {
    // Black's docs: twenty admonitions and five tables of contents were
    // code blocks.
    let body = "````{note}\nRun it:\n```\nblack .\n```\n````\n\n```{toctree}\n---\nhidden:\n---\n\nthe_basics\n```\n\n```{include} ../CHANGES.md\n```\nEnd\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "> [!NOTE]\n> Run it:\n> ```\n> black .\n> ```\n\n\n\n\n\n\n\n\n\n\n\n\nEnd\n"
    );
    let warnings = prepared.warnings(Path::new("a.md"), body, 0);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].message.starts_with("1 directive left out"));
    // The colon fence too: its entries were shown as text.
    let body = "Before\n\n:::{toctree}\n:glob:\n\nguide/*\n:::\n\nAfter\n";
    let prepared = prepare(body, false);
    assert!(!prepared.text().contains("guide"), "{}", prepared.text());
    assert!(prepared.text().contains("After"), "{}", prepared.text());
}

/// cattrs's and pydata-sphinx-theme's docs: a MyST code directive was a
/// code block of no language showing its options (`:caption: page.md`,
/// `:options: +SKIP`) as its first lines; a doctest's setup, which Sphinx
/// runs unseen, was shown. The caption is the block's title.
#[test]
fn myst_code_directives_are_code_of_their_language_without_options() {
    let body = "````{code-block} python\n:caption: conf.py\n:linenos:\nhtml_theme = \"x\"\n:not: an option\n````\n\n\
                ```{doctest} basics\n:options: +SKIP\n>>> 1 + 1\n2\n```\n\n```{testsetup}\nimport cattrs\n```\nEnd\n";
    assert_eq!(
        text(body),
        "````python title=\"conf.py\"\nhtml_theme = \"x\"\n:not: an option\n````\n\n```python\n>>> 1 + 1\n2\n```\n\n\n\n\nEnd\n"
    );
    // In a block quote, and with no language named.
    assert_eq!(
        text("> ```{code} \n> :number-lines:\n> x\n> ```\n"),
        "> ```\n> x\n> ```\n"
    );
}

/// cattrs's docs: 45 notes of the version that added or changed a
/// function were code blocks of their own text.
#[test]
fn myst_version_notes_become_alerts_titled_with_the_version() {
    let body = "```{versionadded} 23.1.0\nThe `x` hook.\n```\n\n```{deprecated} 24.1\n```\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "> [!NOTE]\n> The `x` hook.\n\n\n> [!WARNING]\n\n"
    );
    let title = |marker: &str| {
        let at = prepared.text().find(marker).unwrap();
        prepared.admonition_at(at).unwrap().title.clone()
    };
    assert_eq!(title("[!NOTE]").as_deref(), Some("New in version 23.1.0"));
    assert_eq!(
        title("[!WARNING]").as_deref(),
        Some("Deprecated since version 24.1")
    );
}

/// sphinx-exercise's docs: its exercises and solutions (and, in Jupyter
/// Books, sphinx-proof's theorems and proofs) were code blocks of their
/// own text, options included.
#[test]
fn jupyter_book_exercises_and_proofs_become_alerts_titled_by_their_kind() {
    let body = "```{exercise} Sums\n:label: ex-sum\nAdd the numbers.\n```\n\n\
                ````{solution} ex-sum\n:class: dropdown\nUse `sum`.\n````\n\n\
                :::{prf:theorem} Pythagoras\nThe squares add up.\n:::\n\n```{prf:proof}\nDraw it.\n```\n";
    let prepared = prepare(body, false);
    let text = prepared.text();
    for shown in [
        "> Add the numbers.",
        "> Use `sum`.",
        "> The squares add up.",
        "> Draw it.",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    assert!(
        !text.contains(":label:") && !text.contains(":class:"),
        "{text}"
    );
    let titles: Vec<_> = text
        .match_indices("[!NOTE]")
        .map(|(at, _)| prepared.admonition_at(at).unwrap().title.clone().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Exercise (Sums)",
            "Solution",
            "Theorem (Pythagoras)",
            "Proof"
        ]
    );
}

/// mdbook-admonish's book: its admonitions, fenced code blocks of the
/// info string `admonish`, were shown as code.
#[test]
fn mdbook_admonish_blocks_become_alerts() {
    let body = "````admonish warning title=\"Data *loss*\", collapsible=true\nBack up:\n```toml\nx = 1\n```\n````\n\n\
                ```admonish\nPlain.\n```\n\n```admonish expensive\nCosts.\n```\n\n````\n```admonish info\nShown as written.\n```\n````\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "> [!WARNING]\n> Back up:\n> ```toml\n> x = 1\n> ```\n\n\n> [!NOTE]\n> Plain.\n\n\n> [!NOTE]\n> Costs.\n\n\n````\n```admonish info\nShown as written.\n```\n````\n"
    );
    let admonition = |marker: &str, nth: usize| {
        let at = prepared.text().match_indices(marker).nth(nth).unwrap().0;
        prepared.admonition_at(at).unwrap().clone()
    };
    let warning = admonition("[!WARNING]", 0);
    assert_eq!(warning.title.as_deref(), Some("Data loss"));
    assert_eq!(warning.collapsible, Some(false));
    assert_eq!(admonition("[!NOTE]", 0).title, None);
    assert_eq!(admonition("[!NOTE]", 1).title.as_deref(), Some("Expensive"));
}

#[test]
fn sphinx_design_directives_show_their_bodies_without_their_options() {
    // Furo's and sphinx-book-theme's docs: tabs, dropdowns and cards were
    // code blocks, and the options of an admonition were text.
    let body = "````{tab-set}\n```{tab-item} Linux\n:sync: l\n\nApt.\n```\n````\n\n\
                ```{dropdown} More\n:open:\nHidden.\n```\n\n:::{note}\n:class: tip\n:emoji: no\nNoted.\n:::\n";
    assert_eq!(
        text(body),
        "\n**Linux**\n\n\n\nApt.\n\n\n\n> [!NOTE]\n> \n> Hidden.\n\n\n> [!NOTE]\n> \n> \n> Noted.\n\n"
    );
    // Outside a MyST directive such a line is text (here an emoji).
    let kept = ":::tip\n:bulb: Lit.\n:::\n";
    assert!(text(kept).contains("💡 Lit."), "{}", text(kept));
}

#[test]
fn myst_targets_are_anchors_and_roles_links() {
    // Black's docs showed `(labels/exit-code)=` above headings, and
    // `{doc}` before the title of each page they link to.
    assert_eq!(
        text(
            "(labels/exit-code)=\n## Exit code\n\nSee {doc}`The basics <./the_basics>` and `{doc}`.\n"
        ),
        "<a id=\"labels/exit-code\"></a>\n## Exit code\n\nSee [The basics](./the_basics) and `{doc}`.\n"
    );
    for not in ["(a b)=\n", "(x)\n", "(\"x)=\n"] {
        assert_eq!(text(not), not);
    }
}

#[test]
fn myst_target_labels_are_listed_outside_code() {
    let body = "(how-frozen)=\n## Frozen\n\n```md\n(in-code)=\n```\n";
    assert_eq!(prepare(body, false).labels(), ["how-frozen"]);
    assert!(prepare("# Plain\n", false).labels().is_empty());
}

#[test]
fn an_indented_fence_inside_code_does_not_close_it() {
    // MkDocs Material's examples: a fence indented inside a fenced example
    // closed it here, and the admonition after it was shown as code.
    let body = "```\n!!! example\n    ```\n    x\n    ```\n```\n\n!!! example\n    Shown.\n";
    assert_eq!(
        text(body),
        "```\n!!! example\n    ```\n    x\n    ```\n```\n\n> [!NOTE]\n> Shown.\n"
    );
}

#[test]
fn html_comments_hide_what_they_hold() {
    let body = "<!--\n{{< x >}}\n-->\nText\n";
    assert_eq!(text(body), body);
}

mod limits;

/// A tag over lines that is no component (`<a` then its attributes)
/// leaves the constructs of its paragraph to be read: Pragmatic drag and
/// drop's MDX comment inside such a link showed as text.
#[test]
fn an_html_tag_over_lines_leaves_the_comment_after_it_to_be_dropped() {
    let body = "<a\n\thref=\"https://example.com\"\n>\n\t{/* Why the styles are inline\n\t\tin `mdx`.*/}\n\t<img src=\"x.png\" />\n</a>\n";
    let out = mdx(body);
    assert!(!out.contains("Why the styles"), "{out}");
}
