//! MDX partials, as Docusaurus reuses text: a page imports another
//! Markdown file as a component (`import Steps from './_steps.mdx';`,
//! or from `@site/…`, the project's folder) and puts it where a line says
//! `<Steps />`. The file's name usually starts with `_`, so that it is no
//! page of its own. And a file shown as code, as Docusaurus shows one:
//! imported as text (`import Source from '!!raw-loader!./example.js';`)
//! and put in a code block where a line says
//! `<CodeBlock language="js">{Source}</CodeBlock>`.
//!
//! In: a body. Out: the partials it imports ([`partials`]) and the
//! [`Target`] of a line that puts one in ([`partial_use`]).

use super::{Select, Target, Tool};

/// The extensions of the files an import brings in as partials: other
/// imports are JavaScript components, which tier0 does not run.
const PARTIAL_EXTENSIONS: [&str; 2] = [".md", ".mdx"];

/// The loaders that import a file as its text, as webpack writes them
/// before the path (`!!raw-loader!./example.js`).
const RAW_LOADERS: [&str; 2] = ["!!raw-loader!", "!raw-loader!"];

/// A file a page imports: a Markdown partial, or any file as its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Import {
    /// The name the page gives it.
    name: String,
    /// Its path, as written (without its loader).
    path: String,
    /// Whether it is imported as text, to show as code.
    raw: bool,
}

/// The partials and files as text that `body` imports: each line outside
/// fenced code that reads `import Name from 'path'` (a semicolon after it
/// or not) and names a Markdown file, or a file through a raw loader.
pub(super) fn partials(body: &str) -> Vec<Import> {
    let mut found = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(ch) = trimmed.chars().next().filter(|&c| c == '`' || c == '~') {
            let run = trimmed.chars().take_while(|&c| c == ch).count();
            match fence {
                Some((open, len)) if open == ch && run >= len => fence = None,
                None if run >= 3 => fence = Some((ch, run)),
                _ => {}
            }
            continue;
        }
        if fence.is_none()
            && let Some(partial) = import(trimmed)
        {
            found.push(partial);
        }
    }
    found
}

/// `import Name from 'path';` naming a Markdown file or a file through a
/// raw loader.
fn import(line: &str) -> Option<Import> {
    let rest = line.strip_prefix("import ")?.trim_start();
    let (name, rest) = rest.split_once(char::is_whitespace)?;
    let quoted = rest.trim_start().strip_prefix("from")?.trim();
    let quoted = quoted.strip_suffix(';').unwrap_or(quoted).trim_end();
    let quote = quoted.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let path = quoted.strip_prefix(quote)?.strip_suffix(quote)?;
    let component = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let raw = RAW_LOADERS
        .iter()
        .find_map(|loader| path.strip_prefix(loader));
    let markdown = PARTIAL_EXTENSIONS.iter().any(|ext| path.ends_with(ext));
    // A raw import may be named in lower case (`import source from …`).
    let named =
        component || (raw.is_some() && name.chars().all(|c| c.is_alphanumeric() || c == '_'));
    (named && (markdown || raw.is_some())).then(|| Import {
        name: name.to_owned(),
        path: raw.unwrap_or(path).to_owned(),
        raw: raw.is_some(),
    })
}

/// The partial or file that `line` (without its indentation) puts in, if
/// it is only that: `<Name />`, with attributes or not, of a partial of
/// `imports`; `<CodeBlock …>{Name}</CodeBlock>` of a file imported as
/// text, as code in the block's `language` (else its extension's) under
/// its `title`.
pub(super) fn partial_use(line: &str, imports: &[Import]) -> Option<Target> {
    let line = line.trim_end();
    if let Some(block) = line.strip_prefix("<CodeBlock")
        && let Some((attributes, inside)) = block.split_once('>')
        && let Some(name) = inside.strip_suffix("</CodeBlock>")
    {
        let name = name.trim().strip_prefix('{')?.strip_suffix('}')?.trim();
        let file = imports.iter().find(|i| i.raw && i.name == name)?;
        let extension = file.path.rsplit_once('.').map_or("", |(_, ext)| ext);
        let language = crate::dialects::attribute(attributes, "language").unwrap_or(extension);
        // Its `title` heads the block, as a fence's `title="…"` does.
        let info = match crate::dialects::attribute(attributes, "title") {
            Some(title) if !title.is_empty() && !title.contains(['"', '\n']) => {
                format!("{language} title=\"{title}\"")
            }
            _ => language.to_owned(),
        };
        return Some(Target {
            tool: Tool::Mdx,
            path: file.path.clone(),
            select: Select::All,
            code: Some(info),
        });
    }
    let inner = line.strip_prefix('<')?.strip_suffix("/>")?;
    let name = inner.split(char::is_whitespace).next()?;
    let partial = imports.iter().find(|i| !i.raw && i.name == name)?;
    Some(Target {
        tool: Tool::Mdx,
        path: partial.path.clone(),
        select: Select::All,
        code: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_of_markdown_files_are_partials() {
        let body = "import Steps from './_steps.mdx';\nimport Tabs from '@theme/Tabs';\n\
                    import Note from \"@site/docs/_note.md\"\nimport {x} from './_y.mdx';\n\
                    ```mdx\nimport Shown from './_shown.mdx';\n```\nimport lower from './_l.md';\n";
        let imports = partials(body);
        let found: Vec<(&str, &str, bool)> = imports
            .iter()
            .map(|i| (i.name.as_str(), i.path.as_str(), i.raw))
            .collect();
        assert_eq!(
            found,
            [
                ("Steps", "./_steps.mdx", false),
                ("Note", "@site/docs/_note.md", false),
            ]
        );
        let raw = "import Source from '!!raw-loader!./example.js';\n\
                   import config from \"!raw-loader!@site/app.yml\"\n\
                   import Plain from './plain.js';\n";
        let found: Vec<(String, String, bool)> = partials(raw)
            .into_iter()
            .map(|i| (i.name, i.path, i.raw))
            .collect();
        assert_eq!(
            found,
            [
                ("Source".into(), "./example.js".into(), true),
                ("config".into(), "@site/app.yml".into(), true),
            ]
        );
    }

    #[test]
    fn a_code_block_of_a_file_imported_as_text_puts_it_in_as_code() {
        let imports = partials(
            "import Source from '!!raw-loader!./example.py';
import Steps from './_steps.mdx';
",
        );
        let target = partial_use(
            "<CodeBlock language=\"python\" title=\"x\">{Source}</CodeBlock>",
            &imports,
        )
        .unwrap();
        assert_eq!(
            (target.path.as_str(), target.code.as_deref()),
            ("./example.py", Some("python title=\"x\""))
        );
        let target = partial_use("<CodeBlock>{ Source }</CodeBlock>", &imports).unwrap();
        assert_eq!(target.code.as_deref(), Some("py"));
        for not in [
            "<CodeBlock>{Steps}</CodeBlock>",
            "<CodeBlock>{Other}</CodeBlock>",
            "<CodeBlock>{Source}",
            "<Source />",
        ] {
            assert!(partial_use(not, &imports).is_none(), "{not}");
        }
    }

    #[test]
    fn a_line_of_the_component_alone_puts_it_in() {
        let partials = partials(
            "import Steps from './_steps.mdx';
",
        );
        let target = partial_use("<Steps />", &partials).unwrap();
        assert_eq!(
            (target.tool, target.path.as_str()),
            (Tool::Mdx, "./_steps.mdx")
        );
        assert!(partial_use("<Steps product=\"VPN\"/>", &partials).is_some());
        for not in [
            "<Steps>",
            "<Other />",
            "Text <Steps />",
            "<Steps /> and more",
        ] {
            assert!(partial_use(not, &partials).is_none(), "{not}");
        }
    }
}
