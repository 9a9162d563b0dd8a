//! An article's body as the help widget shows it: a JSON tree, not HTML.
//!
//! In: the HTML fragment of a rendered body (what the article page shows).
//! Out: a JSON array of nodes, each a string (text) or
//! `[tag, {attribute: value}?, child, …]`, with only the elements and
//! attributes a help article needs (docs/widget.md lists them).
//!
//! Why a tree: the widget runs inside other organisations' products, and
//! builds its DOM with `createElement` and text nodes from this tree, so no
//! string of the site is ever parsed as HTML there, whatever `raw_html`
//! allowed into the page. Elements outside the list are unwrapped (their
//! text kept) or, for scripts, frames, forms and tier0's own anchor links,
//! dropped whole; links keep only the schemes every link of a site may have.

use html5ever::tendril::TendrilSink;
use html5ever::{QualName, local_name, ns, parse_fragment};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use search_index::Section;
use serde_json::{Map, Value};

/// Elements kept, with the attributes each keeps.
const KEPT: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &["id", "class"]),
    ("blockquote", &[]),
    ("pre", &[]),
    ("code", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("s", &[]),
    ("kbd", &[]),
    ("sup", &[]),
    ("sub", &[]),
    ("mark", &[]),
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "title"]),
    ("table", &[]),
    ("thead", &[]),
    ("tbody", &[]),
    ("tr", &[]),
    ("th", &[]),
    ("td", &[]),
    ("hr", &[]),
    ("br", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("dd", &[]),
    ("details", &["class"]),
    ("summary", &["class"]),
    ("div", &["class"]),
    ("aside", &["class"]),
];

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "form",
    "button", "select", "textarea", "svg", "math", "noscript", "video", "audio", "canvas", "link",
    "meta", "base",
];

/// Classes kept: tier0's alerts, internal blocks and numbered steps.
const CLASSES: &[&str] = &[
    "alert",
    "alert-note",
    "alert-tip",
    "alert-important",
    "alert-warning",
    "alert-caution",
    "alert-title",
    "internal",
    "internal-title",
    "step",
];

/// Elements whose white-space-only text children carry no meaning.
const BLOCK_CONTAINERS: &[&str] = &[
    "ul",
    "ol",
    "table",
    "thead",
    "tbody",
    "tr",
    "dl",
    "blockquote",
    "div",
    "aside",
    "details",
];

/// How deep the elements of a body may nest to be parsed into a tree:
/// html5ever looks through the open elements for each new one, so a body
/// nesting 50,000 elements took 9 s to parse, and 200,000 over 2 minutes.
const MAX_PARSED_DEPTH: usize = 1_000;

/// `html` (a body fragment) as the widget's JSON tree; when it nests
/// deeper than [`MAX_PARSED_DEPTH`], its `sections` as headings and
/// paragraphs of plain text.
pub(super) fn tree(html: &str, sections: &[Section]) -> Value {
    if nests_deeper(html, MAX_PARSED_DEPTH) {
        return text_tree(sections);
    }
    let context = QualName::new(None, ns!(html), local_name!("div"));
    let dom =
        parse_fragment(RcDom::default(), Default::default(), context, vec![], false).one(html);
    // The fragment parser puts the nodes under an `<html>` element.
    let root = dom.document.children.borrow().first().cloned();
    let mut out = Vec::new();
    if let Some(root) = root {
        children(&root, "", &mut out, 0);
    }
    Value::Array(out)
}

/// Whether the elements of `html` may nest deeper than `limit`, counted
/// from its tags in one pass ([`crate::html_depth`]).
fn nests_deeper(html: &str, limit: usize) -> bool {
    crate::html_depth::deeper_than(html, limit).is_some()
}

/// `sections` as the widget's tree: each heading, then the section's text.
fn text_tree(sections: &[Section]) -> Value {
    let mut out = Vec::new();
    for section in sections {
        if let Some(heading) = section.heading.as_deref().filter(|h| !h.is_empty()) {
            out.push(serde_json::json!(["h2", heading]));
        }
        if !section.text.trim().is_empty() {
            out.push(serde_json::json!(["p", section.text]));
        }
    }
    Value::Array(out)
}

/// How deep the tree nests elements: below, an element's content is kept
/// as its text alone. No help article nests half as deep; a body that
/// does (10,000 `>` in a row) would otherwise exhaust the stack, here and
/// wherever the tree is walked, serialised or freed.
const MAX_DEPTH: usize = 64;

/// The nodes of `node`'s children, whose parent element is `parent`,
/// `depth` elements below the body.
fn children(node: &Handle, parent: &str, out: &mut Vec<Value>, depth: usize) {
    // Where this parent's children start in `out` (after its tag and
    // attributes): text is joined to a text before it only from there.
    let first = out.len();
    if depth >= MAX_DEPTH {
        let text = flat_text(node);
        if !text.trim().is_empty() {
            out.push(Value::String(text));
        }
        return;
    }
    for child in node.children.borrow().iter() {
        match &child.data {
            NodeData::Text { contents } => {
                let text = contents.borrow();
                let blank = text.chars().all(char::is_whitespace);
                if blank && (parent.is_empty() || BLOCK_CONTAINERS.contains(&parent)) {
                    continue;
                }
                let joins = out.len() > first;
                match out.last_mut() {
                    Some(Value::String(last)) if joins => last.push_str(&text),
                    _ => out.push(Value::String(text.to_string())),
                }
            }
            NodeData::Element { name, attrs, .. } => {
                let tag = name.local.as_ref();
                let attr = |wanted: &str| {
                    attrs
                        .borrow()
                        .iter()
                        .find(|a| a.name.local.as_ref() == wanted)
                        .map(|a| a.value.to_string())
                };
                let classes = attr("class").unwrap_or_default();
                let own_anchor = tag == "a"
                    && classes
                        .split_whitespace()
                        .any(|c| c == "heading-anchor" || c == "step-anchor");
                if DROPPED.contains(&tag) || own_anchor {
                    continue;
                }
                if tag == "input" {
                    // Task lists: the box as a character.
                    if attr("type").as_deref() == Some("checkbox") {
                        let ticked = attr("checked").is_some();
                        out.push(Value::String(if ticked { "☑ " } else { "☐ " }.into()));
                    }
                    continue;
                }
                let tag = if tag == "h1" { "h2" } else { tag };
                let Some((_, kept)) = KEPT.iter().find(|(t, _)| *t == tag) else {
                    children(child, parent, out, depth + 1);
                    continue;
                };
                let mut attributes = Map::new();
                for &name in *kept {
                    let Some(value) = attr(name) else { continue };
                    let value = match name {
                        "class" => own_classes(&value),
                        "href" | "src" => safe_link(&value),
                        _ => Some(value),
                    };
                    if let Some(value) = value.filter(|v| !v.is_empty()) {
                        attributes.insert(name.to_owned(), Value::String(value));
                    }
                }
                let mut node = vec![Value::String(tag.to_owned())];
                if !attributes.is_empty() {
                    node.push(Value::Object(attributes));
                }
                children(child, tag, &mut node, depth + 1);
                out.push(Value::Array(node));
            }
            _ => {}
        }
    }
}

/// The text inside `node`, in document order, without that of the
/// elements [`DROPPED`] whole: walked with a stack of its own, however
/// deep it nests.
fn flat_text(node: &Handle) -> String {
    let mut text = String::new();
    let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
    while let Some(next) = stack.pop() {
        match &next.data {
            NodeData::Text { contents } => text.push_str(&contents.borrow()),
            NodeData::Element { name, .. } if !DROPPED.contains(&name.local.as_ref()) => {
                stack.extend(next.children.borrow().iter().rev().cloned());
            }
            _ => {}
        }
    }
    text
}

/// The classes of `value` that tier0's markup gives meaning to.
fn own_classes(value: &str) -> Option<String> {
    let kept: Vec<&str> = value
        .split_whitespace()
        .filter(|c| CLASSES.contains(c))
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// `link` when it is relative or has a scheme every link of a site may
/// have (http, https, mailto, tel), read as browsers read schemes.
fn safe_link(link: &str) -> Option<String> {
    crate::urls::check_link(link).ok().map(|()| link.to_owned())
}

/// The text of a tree, for tests and messages.
#[cfg(test)]
fn text(nodes: &Value) -> String {
    let mut out = String::new();
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => out.push_str(s),
            Value::Array(items) => items.iter().skip(1).for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    for node in nodes.as_array().into_iter().flatten() {
        walk(node, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier0_markup_becomes_a_tree_of_allowed_elements() {
        let html = "<h2 id=\"pasos\">Pasos<a class=\"heading-anchor\" href=\"#pasos\">#</a></h2>\n\
            <ol>\n<li id=\"paso-1\" class=\"step\"><a class=\"step-anchor\" href=\"#paso-1\">#</a>Reinicie el <strong>router</strong>.</li>\n</ol>\n\
            <div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Nota</p>\n<p>Ojo</p>\n</div>\n";
        let tree = tree(html, &[]);
        assert_eq!(
            tree,
            serde_json::json!([
                ["h2", {"id": "pasos"}, "Pasos"],
                "\n",
                ["ol", ["li", {"id": "paso-1", "class": "step"}, "Reinicie el ", ["strong", "router"], "."]],
                "\n",
                ["div", {"class": "alert alert-note"}, ["p", "Nota"], ["p", "Ojo"]],
            ])
            .as_array()
            .map(|a| Value::Array(a.iter().filter(|v| *v != "\n").cloned().collect()))
            .unwrap()
        );
    }

    #[test]
    fn scripts_handlers_and_hostile_links_never_reach_the_tree() {
        let html = "<p onclick=\"x()\" style=\"color:red\">a<script>alert(1)</script>\
            <a href=\" JaVa\tscript:alert(1)\">b</a><a href=\"https://e.example/\">c</a>\
            <img src=\"data:image/png;base64,AA\" alt=\"d\" onerror=\"y()\"><iframe src=\"https://e.example/\">e</iframe>\
            <span class=\"x\">f</span><input type=\"checkbox\" checked disabled> g</p>";
        let tree = tree(html, &[]);
        assert_eq!(
            tree,
            serde_json::json!([[
                "p",
                "a",
                ["a", "b"],
                ["a", {"href": "https://e.example/"}, "c"],
                ["img", {"alt": "d"}],
                "f",
                "☑  g"
            ]])
        );
        assert_eq!(text(&tree), "abcf☑  g");
    }

    #[test]
    fn deep_nesting_is_cut_to_text_without_exhausting_the_stack() {
        let depth = 500;
        let html = "<blockquote>".repeat(depth) + "deep <script>x</script><em>end</em>";
        let tree = tree(&html, &[]);
        assert_eq!(text(&tree), "deep end");
        let mut nesting = 0;
        let mut node = &tree[0];
        while let Some(items) = node.as_array() {
            nesting += 1;
            node = items.last().unwrap();
        }
        assert_eq!(nesting, MAX_DEPTH);
        assert_eq!(node, "deep end");
    }

    #[test]
    fn a_body_nesting_deeper_than_html5ever_parses_quickly_is_shown_as_text() {
        let sections = [Section {
            anchor: None,
            heading: Some("Pasos".to_owned()),
            text: "deep".to_owned(),
        }];
        let html = "<blockquote>".repeat(MAX_PARSED_DEPTH + 1) + "deep";
        assert_eq!(
            tree(&html, &sections),
            serde_json::json!([["h2", "Pasos"], ["p", "deep"]])
        );
        let html = "<blockquote>".repeat(MAX_PARSED_DEPTH) + "deep";
        assert_eq!(text(&tree(&html, &sections)), "deep");
    }

    #[test]
    fn nesting_is_counted_from_tags_that_open_and_close() {
        let flat = "<p>a<br><img src=\"x>y\" alt='<b>'/></p>".repeat(3000);
        assert!(!nests_deeper(&flat, 2));
        assert!(!nests_deeper("<div><div></div></div> 1 < 2 <!-- x -->", 2));
        assert!(nests_deeper("<div><DIV><p>", 2));
    }

    #[test]
    fn malformed_html_still_gives_a_well_formed_tree() {
        let tree = tree("<p><em>a<p>b</em></strong><table><td>c", &[]);
        assert_eq!(text(&tree), "abc");
        let tree = super::tree("<ul>\n  <li>x</li>\n</ul><pre>  y\n</pre>", &[]);
        assert_eq!(
            tree,
            serde_json::json!([["ul", ["li", "x"]], ["pre", "  y\n"]])
        );
    }
}
