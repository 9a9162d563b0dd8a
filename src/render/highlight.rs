//! Syntax highlighting of code blocks, at build time.
//!
//! In: a fenced block's info string and its code. Out: the HTML of the
//! block, `<pre><code class="language-…">`, its tokens wrapped in
//! `<span class="hl-…">` with one of a few classes ([`CLASSES`]) that the
//! theme's stylesheet colours, light and dark. No inline style: a theme
//! restyles code without rebuilding, and pages stay small.
//!
//! Grammars are the Sublime Text syntaxes that `bat` curates (syntect and
//! two-face; BENCHMARKS.md says why over tree-sitter), loaded once, the
//! first time a page has a block in a language that needs them. A
//! grammar's many scopes are folded into the classes by scope selectors,
//! the way an editor's colour scheme folds them into colours: the
//! selectors are a colour scheme whose "colours" are class numbers.
//!
//! Guarantees: the code's text is the text of the block, escaped, whatever
//! happens (tokens are only ever wrapped, never dropped or reordered; a
//! grammar that fails leaves its block plain); the same code gives the same
//! HTML; a language tier0 does not know, `text`, or a block too large to
//! highlight quickly is plain.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::str::FromStr;
use std::sync::OnceLock;

use syntect::highlighting::{
    Color, HighlightState, Highlighter, RangedHighlightIterator, ScopeSelectors, StyleModifier,
    Theme, ThemeItem, ThemeSettings,
};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::markdown::escape_attr;

/// The classes a token can get (`hl-` and the name), and the scopes that
/// give it: scope selectors as a colour scheme writes them, the most
/// specific match winning. A scope none matches stays plain text, as do
/// punctuation and most operators, as in the colour schemes of GitHub and
/// VS Code.
const CLASSES: [(&str, &str); 11] = [
    ("comment", "comment"),
    ("string", "string, constant.other.symbol"),
    ("number", "constant.numeric"),
    (
        "constant",
        "constant.language, constant.character, constant.other, support.constant",
    ),
    (
        "keyword",
        "keyword, storage, keyword.operator.word, keyword.operator.logical.python, \
         source.powershell keyword.operator.comparison, source.powershell keyword.operator.logical",
    ),
    (
        "function",
        "entity.name.function, support.function, variable.function, support.macro",
    ),
    (
        "type",
        "entity.name.type, entity.name.class, entity.other.inherited-class, support.type, \
         support.class, entity.name.section, entity.section, entity.name.table",
    ),
    (
        "variable",
        "punctuation.definition.variable, variable.language, support.variable, \
         source.powershell variable.other, source.shell variable.other, source.dosbatch variable.other",
    ),
    ("parameter", "variable.parameter"),
    ("tag", "entity.name.tag"),
    (
        "attribute",
        "entity.other.attribute-name, meta.mapping.key string, source.ini keyword.name",
    ),
];

/// Scopes that stay plain although a class's selector matches them:
/// operators are keywords to the grammars (`keyword.operator`), but `=`,
/// `|` and `+` in a keyword's colour make a line hard to read.
const PLAIN_SCOPES: &str = "keyword.operator";

/// Blocks past this many bytes, or with a line past [`MAX_LINE`], are
/// left plain: regular-expression grammars can take time that grows
/// faster than the text on long lines, and such blocks are logs or data
/// that nobody reads for their colours.
const MAX_BLOCK: usize = 128 * 1024;
const MAX_LINE: usize = 4 * 1024;

/// The name of the bash grammar, which shell sessions use too.
const BASH: &str = "Bourne Again Shell (bash)";

/// How a block's language is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grammar<'a> {
    /// The syntax of this name in the syntax set.
    Named(&'static str),
    /// A shell session: lines that start with a prompt (`$ `) are
    /// commands, highlighted as bash; the others are output, left plain.
    Session,
    /// Looked up in the syntax set by file extension or name (`go`, `C#`).
    Token(&'a str),
    /// Plain text.
    Plain,
}

/// The grammar for a language as written after the fence, lower-cased.
fn grammar(language: &str) -> Grammar<'_> {
    Grammar::Named(match language {
        "powershell" | "ps" | "ps1" | "psm1" | "psd1" | "pwsh" | "posh" => "PowerShell",
        "bash" | "sh" | "shell" | "zsh" | "ksh" | "shellscript" => BASH,
        "console" | "shell-session" | "shellsession" | "sh-session" | "bash-session"
        | "terminal" => return Grammar::Session,
        "cmd" | "bat" | "batch" | "dos" | "batchfile" => "Batch File",
        "json" | "jsonc" | "json5" => "JSON",
        "yaml" | "yml" => "YAML",
        "xml" | "xsd" | "xsl" | "xslt" | "svg" | "xaml" | "plist" | "csproj" | "rss" => "XML",
        "html" | "htm" | "xhtml" => "HTML",
        "sql" | "mysql" | "pgsql" | "postgresql" | "postgres" | "plsql" | "tsql" | "sqlite" => {
            "SQL"
        }
        "python" | "py" | "python3" | "py3" => "Python",
        // Not bat's "JavaScript": its non-consuming `set`s hand a line such
        // as `x /* y */` back and forth forever inside syntect's parser, a
        // loop syntect's guard does not catch, so one code block hung the
        // build. The Babel grammar reads the same code, JSX included, and
        // ends every line.
        "javascript" | "js" | "mjs" | "cjs" | "jsx" | "node" => "JavaScript (Babel)",
        "typescript" | "ts" => "TypeScript",
        "ini" | "cfg" | "conf" | "dosini" | "editorconfig" => "INI",
        "toml" => "TOML",
        "rust" | "rs" => "Rust",
        "csharp" | "c#" | "cs" => "C#",
        "" | "text" | "txt" | "plain" | "plaintext" | "output" | "none" | "nohighlight" => {
            return Grammar::Plain;
        }
        other => return Grammar::Token(other),
    })
}

/// The language a fenced block's info string names, as written: the
/// first word (` ```sh title="x" `, ` ```python linenums="1" `), before a
/// comma (mdBook's and Zola's ` ```rust,ignore `) or a brace (Hugo's
/// ` ```go{linenos=true} `), or the first class of an attribute list
/// (Pandoc's and MkDocs' ` ```{.python linenums="1"} `). `None` when the
/// block names none (` ```{linenos=true} `, ` ``` title="x" `).
pub(super) fn info_language(info: &str) -> Option<&str> {
    let info = info.trim();
    let word = match info.strip_prefix('{') {
        Some(attributes) => attributes
            .split(|c: char| c.is_whitespace() || c == '}')
            .find_map(|a| a.strip_prefix('.'))?,
        None => info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()?,
    };
    let word = word.strip_prefix('.').unwrap_or(word);
    (!word.is_empty() && !word.contains(['=', '"', '\''])).then_some(word)
}

/// The title a fenced block's info string gives its code, the file it
/// shows: `title="app.py"` (Docusaurus, MkDocs Material, and MyST's
/// `:caption:` as the dialect pass writes it), `filename="app.py"`
/// (Nextra) or `fileName="app.py"` (Intlayer), or VitePress's `[app.py]`
/// after the language.
pub(super) fn info_title(info: &str) -> Option<&str> {
    let info = info.trim();
    let named = ["title", "filename", "fileName"]
        .iter()
        .find_map(|name| crate::dialects::attribute(info, name));
    let title = match named {
        Some(title) => title,
        None => {
            let (_, rest) = info.split_once(char::is_whitespace)?;
            let rest = rest.trim_start();
            rest.strip_prefix('[')?.split(']').next()?
        }
    };
    let title = title.trim();
    (!title.is_empty()).then_some(title)
}

/// The HTML of a fenced block of the info string `info` (`None` for an
/// indented block): its title, if it has one, above its code.
pub(super) fn titled_code_block(info: Option<&str>, code: &str) -> String {
    let block = code_block(info.and_then(info_language), code);
    match info.and_then(info_title) {
        Some(title) => {
            let mut html = String::from("<p class=\"code-title\"><code>");
            push_escaped(&mut html, title);
            html.push_str("</code></p>\n");
            html + &block
        }
        None => block,
    }
}

/// The HTML of a code block: `language` as [`info_language`] gives it
/// (`None` for an indented block or a fence without one).
pub(super) fn code_block(language: Option<&str>, code: &str) -> String {
    let mut html = String::with_capacity(code.len() * 2 + 40);
    let lower = language.map(str::to_ascii_lowercase);
    match &lower {
        Some(language) => {
            let _ = write!(
                html,
                "<pre><code class=\"language-{}\">",
                escape_attr(language)
            );
        }
        None => html.push_str("<pre><code>"),
    }
    let shown = match lower.as_deref() {
        Some("rust") => without_hidden_lines(code),
        _ => Cow::Borrowed(code),
    };
    let grammar = lower.as_deref().map_or(Grammar::Plain, grammar);
    if !highlight_into(&mut html, grammar, &shown) {
        push_escaped(&mut html, &shown);
    }
    html.push_str("</code></pre>\n");
    html
}

/// Rust code as rustdoc and mdBook show it: a line that is `#` alone or
/// starts with `# ` (indentation aside) is setup the reader does not see
/// (`# fn main() {`), and `##` shows as `#`; attributes (`#[test]`,
/// `#![allow]`) stay.
fn without_hidden_lines(code: &str) -> Cow<'_, str> {
    let hidden = |line: &str| {
        let line = line.trim_start();
        line == "#" || line.starts_with("# ") || line.starts_with("##")
    };
    if !code.split('\n').any(hidden) {
        return Cow::Borrowed(code);
    }
    let mut shown = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let content = line.trim_start();
        if content.starts_with("##") {
            shown.push_str(&line[..line.len() - content.len()]);
            shown.push_str(&content[1..]);
        } else if !hidden(line.trim_end_matches('\n')) {
            shown.push_str(line);
        }
    }
    Cow::Owned(shown)
}

/// Appends `code` highlighted with `grammar` to `html`; false, with
/// `html` as it was, when it is left plain.
fn highlight_into(html: &mut String, grammar: Grammar<'_>, code: &str) -> bool {
    if grammar == Grammar::Plain
        || code.len() > MAX_BLOCK
        || code.split('\n').any(|line| line.len() > MAX_LINE)
    {
        return false;
    }
    let syntaxes = syntax_set();
    let syntax = match grammar {
        Grammar::Named(name) => syntaxes.find_syntax_by_name(name),
        Grammar::Session => syntaxes.find_syntax_by_name(BASH),
        Grammar::Token(token) => syntaxes.find_syntax_by_token(token),
        Grammar::Plain => None,
    };
    let Some(syntax) = syntax.filter(|s| s.name != "Plain Text") else {
        return false;
    };
    let start = html.len();
    let done = match grammar {
        Grammar::Session => session(html, syntaxes, syntax, code),
        _ => Tokens::new(html, syntaxes, syntax).push_lines(code),
    };
    if !done {
        html.truncate(start);
    }
    done
}

/// A shell session: prompts and output plain, commands highlighted (each
/// line on its own: a command's state does not carry into the next).
fn session(html: &mut String, syntaxes: &SyntaxSet, bash: &SyntaxReference, code: &str) -> bool {
    for line in LinesWithEndings::from(code) {
        let command = ["$ ", "# ", "% "]
            .iter()
            .find_map(|prompt| line.strip_prefix(prompt).map(|c| (prompt, c)));
        match command {
            Some((prompt, command)) => {
                push_escaped(html, prompt);
                if !Tokens::new(html, syntaxes, bash).push_lines(command) {
                    return false;
                }
            }
            None => push_escaped(html, line),
        }
    }
    true
}

/// The tokens of one piece of code, written as they come, a run of tokens
/// of one class in one span.
struct Tokens<'h, 's> {
    html: &'h mut String,
    syntaxes: &'s SyntaxSet,
    parse: ParseState,
    highlight: HighlightState,
    /// The class of the span open in `html`, if one is.
    open: Option<u8>,
}

impl<'h, 's> Tokens<'h, 's> {
    fn new(html: &'h mut String, syntaxes: &'s SyntaxSet, syntax: &SyntaxReference) -> Self {
        Self {
            html,
            syntaxes,
            parse: ParseState::new(syntax),
            highlight: HighlightState::new(highlighter(), ScopeStack::new()),
            open: None,
        }
    }

    /// Writes every line of `code`; false if the grammar failed on one.
    fn push_lines(mut self, code: &str) -> bool {
        for line in LinesWithEndings::from(code) {
            let Ok(ops) = self.parse.parse_line(line, self.syntaxes) else {
                return false;
            };
            let mut end = 0;
            let tokens =
                RangedHighlightIterator::new(&mut self.highlight, &ops, line, highlighter());
            for (style, text, range) in tokens {
                if range.start != end {
                    return false;
                }
                end = range.end;
                let class = style.foreground.r;
                let class = (usize::from(class) < CLASSES.len()).then_some(class);
                if class != self.open {
                    if self.open.is_some() {
                        self.html.push_str("</span>");
                    }
                    if let Some(class) = class {
                        let name = CLASSES[usize::from(class)].0;
                        let _ = write!(self.html, "<span class=\"hl-{name}\">");
                    }
                    self.open = class;
                }
                push_escaped(self.html, text);
            }
            // The highlighter stops early when a grammar's scopes do not
            // nest: the line would lose its end.
            if end != line.len() {
                return false;
            }
        }
        if self.open.is_some() {
            self.html.push_str("</span>");
        }
        true
    }
}

/// Escapes code for the body of an element.
fn push_escaped(html: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, text);
}

/// Every grammar, loaded on first use (a few milliseconds).
fn syntax_set() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(two_face::syntax::extra_newlines)
}

/// The "colour scheme" of [`CLASSES`]: a token's colour is the number of
/// its class (red channel); the default, [`PLAIN`], is no class.
fn highlighter() -> &'static Highlighter<'static> {
    static THEME: OnceLock<Theme> = OnceLock::new();
    static HIGHLIGHTER: OnceLock<Highlighter<'static>> = OnceLock::new();
    HIGHLIGHTER.get_or_init(|| {
        let theme = THEME.get_or_init(|| Theme {
            settings: ThemeSettings {
                foreground: Some(class_colour(PLAIN)),
                ..ThemeSettings::default()
            },
            scopes: CLASSES
                .iter()
                .map(|&(_, selectors)| selectors)
                .zip(0u8..)
                .chain([(PLAIN_SCOPES, PLAIN)])
                .map(|(selectors, class)| ThemeItem {
                    // The selectors are constants, checked by a unit test.
                    scope: ScopeSelectors::from_str(selectors).unwrap_or_default(),
                    style: StyleModifier {
                        foreground: Some(class_colour(class)),
                        background: None,
                        font_style: None,
                    },
                })
                .collect(),
            ..Theme::default()
        });
        Highlighter::new(theme)
    })
}

/// The class number of plain text: past every class.
const PLAIN: u8 = u8::MAX;

fn class_colour(class: u8) -> Color {
    Color {
        r: class,
        g: 0,
        b: 0,
        a: 0xFF,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;
