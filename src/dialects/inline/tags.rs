//! JSX component tags in a line of Markdown (`<Tabs>`, `</Tabs>`,
//! `<Note title="…" />`): where one ends, and whether it is a component at
//! all rather than an HTML element or an autolink.

/// The end of a JSX component tag opening at `at` (`<Name …>`, `</Name>`,
/// `<Name … />`, `<>`, `</>`), searched before `end`; `None` for HTML
/// tags and anything else.
pub(in crate::dialects) fn jsx_tag(text: &str, at: usize, end: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[..end];
    let mut i = at + 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if bytes.get(i) == Some(&b'>') {
        return Some(i + 1);
    }
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'-'))
    {
        i += 1;
    }
    let name = &text[name_start..i];
    // `<first.last@example.com>` and `<HTTPS://example.com>` are
    // autolinks, which a reader sees as links.
    let autolink = bytes.get(i) == Some(&b'@') || name.ends_with(':');
    if autolink || !is_component(name) {
        return None;
    }
    attributes_end(bytes, i)
}

/// Whether the component tag `tag` places the page's table of contents
/// (Intlayer's `<TOC/>`, Docusaurus's `<TOCInline toc={toc} />`): the
/// theme shows one beside every page, so leaving it out loses nothing.
pub(super) fn is_contents_tag(tag: &str) -> bool {
    let name = tag.trim_start_matches(['<', '/']);
    let name = &name[..name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len())];
    matches!(name, "TOC" | "Toc" | "TOCInline" | "TableOfContents")
}

/// The mark an icon component shows where it carries meaning, as the
/// cells of a comparison table do (Atlassian's `<CheckIcon />` and
/// `<CrossIcon/>`, Mintlify's `<Icon icon="check" />`): a check or a
/// cross, which dropping the tag left an empty cell. Other icons are
/// decoration, and dropped.
pub(super) fn icon_mark(tag: &str) -> Option<&'static str> {
    let inner = tag.strip_prefix('<')?.strip_suffix("/>")?.trim_end();
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let name = match name {
        "Icon" => super::super::attribute(args, "icon")?.to_owned(),
        _ => name.strip_suffix("Icon")?.to_owned(),
    };
    let mut words = String::new();
    for (i, c) in name.char_indices() {
        if c.is_ascii_uppercase() && i > 0 {
            words.push('-');
        }
        words.push(c.to_ascii_lowercase());
    }
    super::super::emoji::mark(&words)
}

/// Whether a tag named `name` is a JSX component rather than HTML: it
/// starts with a capital and is no HTML element written in capitals
/// (`<Details>`), or it is a member (`<Tabs.Item>`).
fn is_component(name: &str) -> bool {
    let Some(first) = name.bytes().next() else {
        return false;
    };
    (first.is_ascii_uppercase() && !HTML_ELEMENTS.contains(&name.to_ascii_lowercase().as_str()))
        || (first.is_ascii_alphabetic() && name.contains('.'))
}

/// After a tag's name at `i`: the offset after its closing `>`, skipping
/// quoted values and `{…}` expressions, which may hold `>`.
fn attributes_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(b),
            (None, b'{') => depth += 1,
            (None, b'}') => depth = depth.saturating_sub(1),
            (None, b'>') if depth == 0 => return Some(i + 1),
            (None, b'<') if depth == 0 => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// HTML element names, which JSX component names are not.
pub(super) const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];
