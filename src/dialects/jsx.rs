//! The JSX components that wrap Markdown in other tools' pages, each tag
//! on a line of its own (an opening tag may go on over lines: the line
//! pass joins them, `jsx_block_over_lines`): tabs (Docusaurus's and Starlight's `<Tabs>` and
//! `<TabItem label="Windows">`, Nextra's `<Tabs.Tab>`), steps and cards
//! (Starlight's `<Steps>`, `<Card title>`, Fumadocs's `<Cards>`, and a
//! card with a target, `<LinkCard title href />`, `<Card title href />`:
//! a link), a list of properties written as data (Mastra's
//! `<PropertiesTable content={[…]} />`: [`super::properties`])
//! and callouts (Docusaurus's `<Admonition type="tip">`,
//! Starlight's `<Aside type="caution">`, Nextra's `<Callout
//! type="warning">`, Atlassian's `<SectionMessage appearance="warning">`,
//! Mintlify's `<Note>`, `<Warning>`…, its folded `<Accordion title>` and
//! its `<ParamField path type required>`). Their content is Markdown, indented or not: read as
//! such, a tab shows its label as MkDocs tabs do and a callout is an
//! alert, where dropping the tags alone left an indented body as code.
//! Other components stay the inline pass's: dropped, their text kept.

use super::containers::{Admonition, AlertKind, known_kind};
use super::inline::jsx_tag;

/// What a component's opening tag makes of its content.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Block {
    /// Shown as it is (`<Steps>`, `<CardGrid>`).
    Plain,
    /// A group of tabs (`<Tabs>`): shown as it is; with Nextra's
    /// `items={['pnpm', 'npm']}`, its tabs are labelled in turn by these.
    Tabs(Vec<String>),
    /// A tab: its label in bold, then its content.
    Tab(String),
    /// A tab without a label of its own (Nextra's `<Tabs.Tab>`): the next
    /// of its `<Tabs>`' items, if it has them.
    NextTab,
    /// An alert.
    Alert(Admonition),
    /// A self-closing card that links somewhere (Starlight's `<LinkCard
    /// title="…" href="…" />`, Fumadocs's `<Card title="…" href="…" />`)
    /// or table of properties: this Markdown (lines) in its place, no
    /// container.
    Line(String),
}

/// What the line `line` (without its indentation) is as a component tag
/// of [`Block`]s: `Some((name, Some(block)))` for an opening tag,
/// `Some((name, None))` for a closing one.
pub(super) fn tag(line: &str) -> Option<(&str, Option<Block>)> {
    let line = line.trim_end();
    // `<Aside>` is Starlight's component, though `aside` is also HTML's.
    let rest = line.strip_prefix('<')?;
    let whole = jsx_tag(line, 0, line.len()) == Some(line.len())
        || (line.ends_with('>') && !rest.contains('<'));
    if !whole {
        return None;
    }
    if let Some(name) = line.strip_prefix("</") {
        let name = name.strip_suffix('>')?.trim();
        return block(name, "").map(|_| (name, None));
    }
    let inner = line.strip_prefix('<')?.strip_suffix('>')?;
    if let Some(inner) = inner.strip_suffix('/') {
        let (name, args) = inner.split_once(char::is_whitespace)?;
        if let Some(list) = super::properties::list(args) {
            return Some((name, Some(Block::Line(list))));
        }
        let attribute = |key| super::attribute(args, key);
        let (title, href) = (attribute("title")?, attribute("href")?);
        let text = |value| super::markdown_text(&super::inline_text(value));
        let link = super::link(href, Some(&super::inline_text(title)));
        let line = match attribute("description") {
            Some(description) => format!("{link}: {}", text(description)),
            None => link,
        };
        // Starlight's `<LinkCard>`, Fumadocs's and Mintlify's `<Card>`,
        // Nextra's `<Cards.Card>`: a component with a title and a target.
        return Some((name, Some(Block::Line(line))));
    }
    let name_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(inner.len());
    let (name, args) = inner.split_at(name_len);
    Some((name, Some(block(name, args)?)))
}

/// A component of [`Block`]s opened and closed on one line with its
/// content between (Mintlify's `<Note>Back up first.</Note>`, `<Tab
/// title="macOS">Press ⌘K.</Tab>`): its opening tag, its content and its
/// name, so that the line is read as the three lines it stands for.
pub(super) fn on_one_line(line: &str) -> Option<(&str, &str, &str)> {
    let line = line.trim_end();
    let open_end = jsx_tag(line, 0, line.len())?;
    let open = &line[..open_end];
    let (name, Some(_)) = tag(open)? else {
        return None;
    };
    let content = line[open_end..].strip_suffix('>')?.strip_suffix(name)?;
    let content = content.strip_suffix("</")?.trim();
    (!content.is_empty()).then_some((open, content, name))
}

/// The block the component `name` makes with the attributes `args`.
fn block(name: &str, args: &str) -> Option<Block> {
    let attribute = |key| super::attribute(args, key);
    Some(match name {
        "Tabs" => Block::Tabs(items(args).unwrap_or_default()),
        // Starlight's `<FileTree>` wraps a Markdown list of the files.
        "Steps" | "CardGrid" | "Cards" | "CardGroup" | "Columns" | "CodeGroup"
        | "AccordionGroup" | "Frame" | "FileTree" => Block::Plain,
        // Mintlify's `<Step title>` and `<Update label>` too.
        "Card" | "Step" | "Update" => match attribute("title").or_else(|| attribute("label")) {
            Some(title) => Block::Tab(super::inline_text(title)),
            None => Block::Plain,
        },
        "TabItem" | "Tabs.Tab" | "Tab" => match attribute("label")
            .or_else(|| attribute("value"))
            .or_else(|| attribute("title"))
        {
            Some(label) => Block::Tab(super::inline_text(label)),
            None => Block::NextTab,
        },
        // Mintlify's callouts, each named by its kind.
        "Note" | "Info" | "Tip" | "Warning" | "Check" | "Danger" => {
            let (kind, default_title) = known_kind(name)?;
            Block::Alert(Admonition {
                kind,
                title: attribute("title").map(super::inline_text).or(default_title),
                collapsible: None,
            })
        }
        // Mintlify's folded sections: closed, under their title.
        "Accordion" | "Expandable" => Block::Alert(Admonition {
            kind: AlertKind::Note,
            title: Some(super::inline_text(attribute("title").unwrap_or("Details"))),
            collapsible: Some(false),
        }),
        // Mintlify's parameters and response fields: their name, type and
        // whether they are required, then their description.
        "ParamField" | "ResponseField" => field(args).map_or(Block::Plain, Block::Tab),
        // Atlassian's design system writes its kind as `appearance`.
        "Admonition" | "Aside" | "Callout" | "SectionMessage" => {
            let kind = attribute("type")
                .or_else(|| attribute("appearance"))
                .unwrap_or("note");
            let (kind, default_title) = match kind {
                "default" => (AlertKind::Note, None),
                _ => known_kind(kind).unwrap_or((AlertKind::Note, None)),
            };
            let title = attribute("title").map(super::inline_text).or(default_title);
            Block::Alert(Admonition {
                kind,
                title,
                collapsible: None,
            })
        }
        _ => return None,
    })
}

/// The label of a parameter or field whose tag has the attributes `args`:
/// its name (`name`, or the `path`, `query`, `body` or `header` it is
/// passed in), then its type, `required` and `default` in brackets:
/// `user_id (string, required)`.
fn field(args: &str) -> Option<String> {
    let attribute = |key| super::attribute(args, key);
    let name = ["name", "path", "query", "body", "header"]
        .into_iter()
        .find_map(attribute)?;
    let required = args
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|word| word == "required" || word == "required={true}");
    let about: Vec<String> = [
        attribute("type").map(str::to_owned),
        required.then(|| "required".to_owned()),
        attribute("default").map(|value| format!("default: {value}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let label = if about.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({})", about.join(", "))
    };
    Some(super::inline_text(&label))
}

/// The labels of `items={['pnpm', "npm"]}` among a tag's `args`: string
/// literals only (a variable or a call is not known without running it).
fn items(args: &str) -> Option<Vec<String>> {
    let list = args.split_once("items={[")?.1.split_once("]}")?.0;
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let quote = item.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            let inner = item[1..].strip_suffix(quote)?;
            Some(super::inline_text(inner))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_show_their_label_and_callouts_are_alerts() {
        assert_eq!(
            tag("<Tabs groupId=\"os\">"),
            Some(("Tabs", Some(Block::Tabs(vec![]))))
        );
        assert_eq!(
            tag("<TabItem value=\"win\" label=\"Windows\" default>"),
            Some(("TabItem", Some(Block::Tab("Windows".into()))))
        );
        assert_eq!(
            tag("<TabItem value=\"linux\">"),
            Some(("TabItem", Some(Block::Tab("linux".into()))))
        );
        assert_eq!(tag("</TabItem>"), Some(("TabItem", None)));
        let Some((_, Some(Block::Alert(aside)))) =
            tag("<Aside type=\"caution\" title=\"Back up\">")
        else {
            panic!("not an alert");
        };
        assert_eq!(
            (aside.kind, aside.title.as_deref()),
            (AlertKind::Warning, Some("Back up"))
        );
        let Some((_, Some(Block::Alert(callout)))) = tag("<Callout type=\"error\">") else {
            panic!("not an alert");
        };
        assert_eq!(callout.kind, AlertKind::Caution);
        let Some((_, Some(Block::Alert(message)))) =
            tag("<SectionMessage appearance=\"warning\" title=\"Heads up\">")
        else {
            panic!("not an alert");
        };
        assert_eq!(
            (message.kind, message.title.as_deref()),
            (AlertKind::Warning, Some("Heads up"))
        );
    }

    #[test]
    fn callouts_nested_past_the_limit_cost_no_more_than_their_lines() {
        let body = "<Aside>\n".repeat(20_000) + "deep\n";
        let prepared = crate::dialects::prepare(&body, true);
        // Each line quoted at most as deep as the limit: linear in the body.
        let limit = body.len() * 2 * crate::dialects::lines::MAX_NESTING;
        assert!(prepared.text.len() < limit, "{}", prepared.text.len());
    }

    #[test]
    fn cards_show_their_title_and_link_cards_their_link() {
        assert_eq!(
            tag("<Card title=\"Check the cable\" icon=\"plug\">"),
            Some(("Card", Some(Block::Tab("Check the cable".into()))))
        );
        assert_eq!(
            tag("<LinkCard title=\"Install\" href=\"/install/\" description=\"All systems.\" />"),
            Some((
                "LinkCard",
                Some(Block::Line("[Install](</install/>): All systems\\.".into()))
            ))
        );
        assert_eq!(tag("<LinkCard href=\"/x/\" />"), None);
    }

    #[test]
    fn nextra_tabs_take_their_labels_from_the_items() {
        assert_eq!(
            tag("<Tabs items={['pnpm', \"npm\", 'yarn']} defaultIndex=\"1\">"),
            Some((
                "Tabs",
                Some(Block::Tabs(vec![
                    "pnpm".into(),
                    "npm".into(),
                    "yarn".into()
                ]))
            ))
        );
        assert_eq!(tag("<Tabs.Tab>"), Some(("Tabs.Tab", Some(Block::NextTab))));
        assert_eq!(
            tag("<Tabs items={names}>"),
            Some(("Tabs", Some(Block::Tabs(vec![]))))
        );
        assert_eq!(
            tag("<Tabs items={['a', b]}>"),
            Some(("Tabs", Some(Block::Tabs(vec![]))))
        );
    }

    #[test]
    fn mintlifys_callouts_steps_accordions_and_fields() {
        let Some((_, Some(Block::Alert(warning)))) = tag("<Warning>") else {
            panic!("not an alert");
        };
        assert_eq!((warning.kind, warning.title), (AlertKind::Warning, None));
        let Some((_, Some(Block::Alert(check)))) = tag("<Check title=\"Done\">") else {
            panic!("not an alert");
        };
        assert_eq!(
            (check.kind, check.title.as_deref()),
            (AlertKind::Tip, Some("Done"))
        );
        assert_eq!(tag("</Check>"), Some(("Check", None)));
        let Some((_, Some(Block::Alert(folded)))) =
            tag("<Accordion title=\"Port in use\" icon=\"plug\">")
        else {
            panic!("not an alert");
        };
        assert_eq!(
            (folded.title.as_deref(), folded.collapsible),
            (Some("Port in use"), Some(false))
        );
        assert_eq!(
            tag("<Step title=\"Install the CLI\">"),
            Some(("Step", Some(Block::Tab("Install the CLI".into()))))
        );
        assert_eq!(
            tag("<Tab title=\"macOS\">"),
            Some(("Tab", Some(Block::Tab("macOS".into()))))
        );
        assert_eq!(
            tag("<ParamField path=\"user_id\" type=\"string\" required>"),
            Some((
                "ParamField",
                Some(Block::Tab("user_id (string, required)".into()))
            ))
        );
        assert_eq!(
            tag("<ResponseField name=\"limit\" type=\"number\" default=\"10\">"),
            Some((
                "ResponseField",
                Some(Block::Tab("limit (number, default: 10)".into()))
            ))
        );
        assert_eq!(
            tag("<ParamField type=\"string\">"),
            Some(("ParamField", Some(Block::Plain)))
        );
        assert_eq!(tag("</ResponseField>"), Some(("ResponseField", None)));
    }

    #[test]
    fn a_component_on_one_line_is_its_three_lines() {
        assert_eq!(
            on_one_line("<Note>Back up **first**.</Note>  "),
            Some(("<Note>", "Back up **first**.", "Note"))
        );
        assert_eq!(
            on_one_line("<Tab title=\"a > b\">Press it.</Tab>"),
            Some(("<Tab title=\"a > b\">", "Press it.", "Tab"))
        );
        for other in [
            "<Note>Open</Tip>",
            "<Note></Note>",
            "<Badge>New</Badge>",
            "<Note>Text",
            "<Note />",
        ] {
            assert_eq!(on_one_line(other), None, "{other}");
        }
    }

    #[test]
    fn other_tags_are_left_to_the_inline_pass() {
        for other in [
            "<Tabs />",
            "<TabItem label=\"a\"> text",
            "<CodeBlock language=\"js\">",
            "</CodeBlock>",
            "<div>",
            "<Tabs",
        ] {
            assert_eq!(tag(other), None, "{other}");
        }
    }
}
