//! Unit tests of the import's writer: the record's hash, reruns that update,
//! keep or conflict, and broken records.

use super::*;

fn origin(id: u64) -> Origin {
    Origin {
        kind: Kind::Article,
        id,
        locale: "en-us".into(),
    }
}

fn plan(id: u64, rel: &str, body: &str) -> Planned {
    Planned {
        origin: origin(id),
        rel: rel.into(),
        text: format!("---\ntitle: T{id}\n---\n{body}\n"),
        updated_at: Some("2024-01-02T03:04:05Z".into()),
    }
}

fn run(content: &Path, planned: &[Planned]) -> Vec<(Action, String)> {
    let content = &ContentFolder::shown_as_default(content);
    let local = scan(content).unwrap();
    let locales = ["en-us".to_owned()].into();
    apply(content, &local, planned, &locales, true)
        .unwrap()
        .into_iter()
        .map(|o| (o.action, o.rel))
        .collect()
}

#[test]
fn the_hash_ignores_the_record_and_line_endings() {
    let (text, h) = plan(1, "a.md", "Body").with_record();
    assert!(text.contains(
        "zendesk: {article: 1, locale: \"en-us\", updated_at: \"2024-01-02T03:04:05Z\", hash: \""
    ));
    assert_eq!(hash(&text), h);
    assert_eq!(hash(&text.replace('\n', "\r\n")), h);
    assert_ne!(hash(&text.replace("Body", "Body!")), h);
    // A `zendesk:` line in the body is text like any other.
    assert_ne!(hash(&format!("{text}zendesk: x\n")), h);
}

#[test]
fn a_rerun_updates_keeps_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    let first = [
        plan(1, "a/one.md", "One"),
        plan(2, "a/two.md", "Two"),
        plan(3, "three.md", "Three"),
    ];
    assert!(
        run(content, &first)
            .iter()
            .all(|(a, _)| *a == Action::Created)
    );
    assert_eq!(
        run(content, &first)
            .iter()
            .filter(|(a, _)| *a == Action::Unchanged)
            .count(),
        3
    );

    // Edited here: `two` (upstream unchanged) and `three` (upstream changed);
    // `one` is moved, then changed upstream; the export drops nothing yet.
    let two = content.join("a/two.md");
    std::fs::write(
        &two,
        std::fs::read_to_string(&two).unwrap() + "Local note\n",
    )
    .unwrap();
    let three = content.join("three.md");
    std::fs::write(&three, std::fs::read_to_string(&three).unwrap() + "Mine\n").unwrap();
    std::fs::rename(content.join("a/one.md"), content.join("moved.md")).unwrap();
    let second = [
        plan(1, "a/one.md", "One v2"),
        plan(2, "a/two.md", "Two"),
        plan(3, "three.md", "Three v2"),
    ];
    assert_eq!(
        run(content, &second),
        [
            (Action::Updated, "moved.md".into()),
            (Action::Kept, "a/two.md".into()),
            (Action::Conflict, "three.md".into()),
        ]
    );
    assert!(
        std::fs::read_to_string(content.join("moved.md"))
            .unwrap()
            .contains("One v2")
    );
    assert!(!content.join("a/one.md").exists());
    assert!(
        std::fs::read_to_string(&two)
            .unwrap()
            .contains("Local note")
    );
    let mine = std::fs::read_to_string(&three).unwrap();
    assert!(mine.contains("Mine") && !mine.contains("v2"));
    let theirs = std::fs::read_to_string(content.join(".three.md.zendesk-new")).unwrap();
    assert!(theirs.contains("Three v2"));

    // Taking the record line of their version resolves the conflict.
    let record = theirs.lines().find(|l| l.starts_with("zendesk:")).unwrap();
    let merged: String = mine
        .lines()
        .map(|l| if l.starts_with("zendesk:") { record } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&three, merged + "\n").unwrap();
    assert_eq!(
        run(content, &second[2..])[0],
        (Action::Kept, "three.md".into())
    );
    assert!(!content.join(".three.md.zendesk-new").exists());
    // Articles 1 and 2 are no longer in the export.
    let gone: Vec<_> = run(content, &second[2..])
        .into_iter()
        .filter(|(a, _)| *a == Action::Gone)
        .collect();
    assert_eq!(gone.len(), 2);
}

#[test]
fn a_new_file_never_replaces_one_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "mine").unwrap();
    assert!(create(&dir.path().join("a.md"), "theirs").is_err());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "mine"
    );
    assert!(
        scan(&ContentFolder::shown_as_default(dir.path()))
            .unwrap()
            .is_taken("A.md")
    );
}

#[test]
fn a_taken_path_anywhere_in_the_plan_stops_it_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.md"), "mine").unwrap();
    let local = scan(&ContentFolder::shown_as_default(dir.path())).unwrap();
    let planned = [
        plan(1, "a.md", "A"),
        plan(2, "b.md", "B"),
        plan(3, "c.md", "C"),
    ];
    let locales = ["en-us".to_owned()].into();
    let Err(ImportError::Io(message)) = apply(
        &ContentFolder::shown_as_default(dir.path()),
        &local,
        &planned,
        &locales,
        true,
    ) else {
        panic!("a taken path is refused");
    };
    assert!(message.contains("content/b.md"), "{message}");
    assert!(
        !dir.path().join("a.md").exists(),
        "nothing before it was written"
    );
    assert!(!dir.path().join("c.md").exists());
}

#[test]
fn broken_or_doubled_records_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = plan(1, "a.md", "x").with_record();
    std::fs::write(dir.path().join("a.md"), &text).unwrap();
    std::fs::write(dir.path().join("b.md"), &text).unwrap();
    std::fs::write(
        dir.path().join("c.md"),
        "---\ntitle: x\nzendesk: {locale: es, hash: h}\n---\n",
    )
    .unwrap();
    let Err(ImportError::Content { diagnostics, .. }) =
        scan(&ContentFolder::shown_as_default(dir.path()))
    else {
        panic!("expected errors");
    };
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    assert!(diagnostics[0].message.contains("content/a.md"));
    assert!(diagnostics[1].message.contains("does not say which"));
    assert_eq!(conflict_file("a/b.md"), "a/.b.md.zendesk-new");
    assert_eq!(conflict_file("b.md"), ".b.md.zendesk-new");
}
