//! Highlighting of the languages support articles show, of sessions, of
//! markup, and of what is left plain (unknown languages, long lines).

use super::*;

/// The languages the issue asks for, a session, one more that tier0
/// finds by its file extension and an unknown one.
pub(super) const LANGUAGES: [&str; 16] = [
    "powershell",
    "bash",
    "console",
    "cmd",
    "json",
    "yaml",
    "xml",
    "html",
    "sql",
    "python",
    "javascript",
    "ini",
    "toml",
    "rust",
    "go",
    "nosuch",
];

fn without_spans(html: &str) -> String {
    let mut text = html.replace("</span>", "");
    while let Some(at) = text.find("<span class=\"hl-") {
        let end = text[at..].find('>').map_or(text.len(), |e| at + e + 1);
        text.replace_range(at..end, "");
    }
    text
}

fn spans(html: &str) -> Vec<(&str, &str)> {
    html.split("<span class=\"hl-")
        .skip(1)
        .filter_map(|s| {
            let (class, rest) = s.split_once("\">")?;
            Some((class, rest.split_once("</span>")?.0))
        })
        .collect()
}

#[test]
fn every_selector_parses() {
    for (class, selectors) in CLASSES.into_iter().chain([("plain", PLAIN_SCOPES)]) {
        let parsed = ScopeSelectors::from_str(selectors).expect(class);
        assert_eq!(
            parsed.selectors.len(),
            selectors.split(',').count(),
            "{class}"
        );
    }
    assert!(CLASSES.len() < usize::from(PLAIN));
}

#[test]
fn languages_are_read_as_other_generators_write_them() {
    for (info, language) in [
        ("powershell", Some("powershell")),
        ("PowerShell", Some("PowerShell")),
        ("sh title=\"install.sh\"", Some("sh")),
        ("python linenums=\"1\"", Some("python")),
        ("{.python linenums=\"1\"}", Some("python")),
        ("{ .yaml }", Some("yaml")),
        ("rust,ignore", Some("rust")),
        ("go{linenos=true}", Some("go")),
        ("  bash  ", Some("bash")),
        (".json", Some("json")),
        ("{linenos=true}", None),
        ("title=\"x\"", None),
        ("", None),
    ] {
        assert_eq!(info_language(info), language, "{info:?}");
    }
}

/// Docusaurus's `title="src/App.js"`, VitePress's `[config.js]`: the file
/// a block shows was lost with the rest of its info string.
#[test]
fn a_fenced_blocks_title_shows_above_its_code() {
    for (info, title) in [
        ("js title=\"src/App.js\"", Some("src/App.js")),
        ("python linenums=\"1\" title='app.py'", Some("app.py")),
        ("{.python title=\"a b.py\"}", Some("a b.py")),
        ("ts [config.ts]", Some("config.ts")),
        ("js filename=\"next.config.js\"", Some("next.config.js")),
        (
            "tsx fileName=\"src/App.tsx\" codeFormat={[\"typescript\"]}",
            Some("src/App.tsx"),
        ),
        ("js subtitle=\"x\"", None),
        ("js title=\"\"", None),
        ("rust,ignore", None),
        ("", None),
    ] {
        assert_eq!(info_title(info), title, "{info:?}");
    }
    assert_eq!(
        titled_code_block(Some("text title=\"<a>.txt\""), "x\n"),
        "<p class=\"code-title\"><code>&lt;a&gt;.txt</code></p>\n\
         <pre><code class=\"language-text\">x\n</code></pre>\n"
    );
    assert_eq!(
        titled_code_block(None, "x\n"),
        "<pre><code>x\n</code></pre>\n"
    );
}

#[test]
fn aliases_name_the_same_grammar() {
    for (aliases, name) in [
        (&["powershell", "ps1", "pwsh", "ps"][..], "PowerShell"),
        (&["bash", "sh", "shell", "zsh"], BASH),
        (&["cmd", "bat", "batch"], "Batch File"),
        (&["yaml", "yml"], "YAML"),
        (&["ini", "cfg"], "INI"),
        (&["py", "python"], "Python"),
        (&["js", "javascript", "jsx"], "JavaScript (Babel)"),
        (&["rs", "rust"], "Rust"),
    ] {
        for alias in aliases {
            assert_eq!(grammar(alias), Grammar::Named(name), "{alias}");
        }
    }
    // Every name is one of the syntax set's.
    for language in LANGUAGES {
        let name = match grammar(language) {
            Grammar::Named(name) => name,
            Grammar::Session => BASH,
            Grammar::Token(_) | Grammar::Plain => continue,
        };
        assert!(syntax_set().find_syntax_by_name(name).is_some(), "{name}");
    }
}

#[test]
fn powershell_is_highlighted() {
    let html = code_block(
        Some("PowerShell"),
        "Get-Service -Name Spooler # restart it\n$path = \"C:\\Temp\"\n",
    );
    assert!(
        html.starts_with("<pre><code class=\"language-powershell\">"),
        "{html}"
    );
    let spans = spans(&html);
    assert!(spans.contains(&("function", "Get-Service")), "{spans:?}");
    assert!(spans.contains(&("comment", "# restart it\n")), "{spans:?}");
    assert!(spans.contains(&("variable", "$path")), "{spans:?}");
    assert!(spans.contains(&("string", "\"C:\\Temp\"")), "{spans:?}");
    // Operators and punctuation stay plain.
    assert!(
        !spans.iter().any(|(_, t)| *t == "=" || *t == "-"),
        "{spans:?}"
    );
}

#[test]
fn each_required_language_gets_classes() {
    for (language, code, class) in [
        ("bash", "sudo systemctl restart nginx # now\n", "comment"),
        ("cmd", "ipconfig /flushdns\n", "keyword"),
        ("json", "{\"proxy\": 8080}\n", "number"),
        ("yaml", "proxy: on\n", "tag"),
        ("xml", "<proxy port=\"8080\"/>\n", "attribute"),
        ("html", "<p class=\"x\">y</p>\n", "tag"),
        ("sql", "SELECT 1;\n", "keyword"),
        ("python", "def f(): pass\n", "function"),
        ("javascript", "const x = 'a';\n", "string"),
        ("ini", "[proxy]\nport=1\n", "type"),
        ("toml", "port = 8080\n", "number"),
        ("rust", "fn main() {}\n", "function"),
    ] {
        let html = code_block(Some(language), code);
        assert!(
            spans(&html).iter().any(|(c, _)| *c == class),
            "{language}: no hl-{class} in {html}"
        );
    }
}

#[test]
fn markup_in_code_is_escaped() {
    for language in [Some("html"), Some("bash"), Some("nosuchlanguage"), None] {
        let html = code_block(language, "echo '<script>alert(1)</script>' && a > b\n");
        let text = without_spans(&html);
        assert!(
            text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(text.contains("&amp;&amp; a &gt; b"), "{html}");
        assert!(!text.contains("<script"), "{html}");
    }
}

#[test]
fn unknown_languages_and_text_are_plain() {
    for language in [Some("nosuchlanguage"), Some("text"), Some("Plain"), None] {
        let html = code_block(language, "Get-Service <x>\n");
        assert!(!html.contains("<span"), "{language:?}: {html}");
        assert!(
            html.contains("Get-Service &lt;x&gt;\n</code></pre>"),
            "{html}"
        );
    }
    assert_eq!(
        code_block(Some("nosuchlanguage"), "x"),
        "<pre><code class=\"language-nosuchlanguage\">x</code></pre>\n"
    );
    assert_eq!(code_block(None, "x\n"), "<pre><code>x\n</code></pre>\n");
}

#[test]
fn empty_blocks_stay_empty() {
    for language in [Some("powershell"), Some("console"), Some("json"), None] {
        let html = code_block(language, "");
        assert!(html.ends_with("\"></code></pre>\n") || html == "<pre><code></code></pre>\n");
    }
}

#[test]
fn a_session_highlights_commands_not_output() {
    let html = code_block(Some("console"), "$ ls -l /tmp\ntotal 0\n# rm -rf x\n");
    let spans = spans(&html);
    assert!(spans.contains(&("function", "ls")), "{html}");
    assert!(
        spans
            .iter()
            .any(|(c, t)| *c == "parameter" && t.trim() == "-l"),
        "{html}"
    );
    assert!(html.contains("\ntotal 0\n"), "{html}");
    assert!(html.contains("$ "), "{html}");
}

#[test]
fn long_lines_are_left_plain() {
    let line = "x".repeat(MAX_LINE + 1);
    let html = code_block(Some("bash"), &format!("echo 1\n{line}\n"));
    assert!(!html.contains("<span"), "{}", &html[..80]);
}

#[test]
fn rust_blocks_hide_the_lines_rustdoc_and_mdbook_hide() {
    // mdBook's test book: `# fn main(){` around the line the reader sees.
    let code =
        "# fn main(){\n    #[derive(Debug)]\n    let a = 1; ## not hidden\n    ## [x]\n#\n# }\n";
    let html = without_spans(&code_block(Some("rust"), code));
    assert_eq!(
        html,
        "<pre><code class=\"language-rust\">    #[derive(Debug)]\n    let a = 1; ## not hidden\n    # [x]\n</code></pre>\n"
    );
    let shell = "# comment\nls\n";
    assert!(without_spans(&code_block(Some("sh"), shell)).contains("# comment"));
}
