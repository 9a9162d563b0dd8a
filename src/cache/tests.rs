//! Unit tests of the build cache file: written, read back, and never
//! trusted when damaged.

use super::*;

const FRAME: Digest = [1; 32];

fn packed(preview: &[u8]) -> Vec<u8> {
    let sections = vec![Section {
        anchor: Some("sintomas".into()),
        heading: Some("Síntomas".into()),
        text: "No imprime.".into(),
    }];
    let anchors = BTreeSet::from(["sintomas".to_owned()]);
    let record = RecordOut {
        sections: &sections,
        anchors: &anchors,
        anchor_links: vec![("b.md", "pasos", 3, 9)],
        article_links: &["b.md#pasos".to_owned()],
        assets: &["logo.svg".to_owned()],
        preview,
        warnings: vec![("content/a.md", 4, 9, "broken link", Some("fix it"))],
    };
    lz4_flex::compress_prepend_size(&postcard::to_allocvec(&record).unwrap())
}

/// A cache in `dir/state` for pages in `dir/out`: a record for `a.md`,
/// none for `b.md`.
fn saved(dir: &Path) -> PathBuf {
    let (state, out) = (dir.join("state"), dir.join("out"));
    std::fs::create_dir_all(out.join("a")).unwrap();
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(out.join("a/index.html"), "<p>a</p>").unwrap();
    let mut writer = Writer::create(&state, &FRAME, 2).unwrap();
    writer
        .add(0, [7; 32], &packed(b"{\"t\":1}"), None, false)
        .unwrap();
    let pending = Pending {
        out,
        writer: Ok(writer),
        pages: vec![
            ("a.md".into(), "a/index.html".into()),
            ("b.md".into(), "b/index.html".into()),
        ],
    };
    pending.save(&state).unwrap();
    state.join(FILE)
}

#[test]
fn a_saved_cache_is_read_back_for_its_frame_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path());
    let earlier = Earlier::read(&path, &FRAME).unwrap();
    assert_eq!(earlier.entries.len(), 1, "b.md had no record");
    let entry = &earlier.entries["a.md"];
    assert_eq!(entry.key, [7; 32]);
    assert_eq!(
        Some(entry.page),
        Stamp::of(&dir.path().join("out/a/index.html"))
    );
    let record = earlier.record(entry).unwrap();
    assert_eq!(record.sections[0].text, "No imprime.");
    assert_eq!(record.anchors, BTreeSet::from(["sintomas".to_owned()]));
    assert_eq!(
        record.anchor_links,
        vec![("b.md".to_owned(), "pasos".to_owned(), 3, 9)]
    );
    assert_eq!(record.article_links, ["b.md#pasos"]);
    assert_eq!(record.assets, ["logo.svg"]);
    assert_eq!(record.preview, b"{\"t\":1}");
    assert_eq!(
        record.warnings,
        [(
            "content/a.md".to_owned(),
            4,
            9,
            "broken link".to_owned(),
            Some("fix it".to_owned())
        )]
    );
    assert!(Earlier::read(&path, &[2; 32]).is_none());
}

#[test]
fn a_damaged_cache_is_never_trusted_nor_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let damaged = dir.path().join("damaged");
    let try_read = |bytes: &[u8]| {
        std::fs::write(&damaged, bytes).unwrap();
        Earlier::read(&damaged, &FRAME).map(|e| {
            let records = e.entries.values().filter(|entry| e.record(entry).is_some());
            records.count()
        })
    };
    for len in 0..bytes.len() {
        assert_eq!(try_read(&bytes[..len]), None, "cut at {len}");
    }
    for at in 0..bytes.len() {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5a;
        // Read or not, without a panic; a header flip is never read.
        let read = try_read(&flipped);
        assert!(at >= INDEX_AT as usize || read.is_none(), "flip at {at}");
    }
}

/// Regression: one flipped bit in a record changed the published site
/// (`"pitle"` in a widget file) because only the header was checked.
#[test]
fn a_record_with_any_bit_flipped_is_a_miss() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let clean = packed(b"{\"t\":1}");
    let damaged = dir.path().join("damaged");
    let mut recalled = 0;
    for at in 0..bytes.len() {
        for bit in 0..8 {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1 << bit;
            std::fs::write(&damaged, &flipped).unwrap();
            let Some(earlier) = Earlier::read(&damaged, &FRAME) else {
                continue;
            };
            for entry in earlier.entries.values() {
                if earlier.record(entry).is_some() {
                    recalled += 1;
                    assert_eq!(
                        earlier.packed(entry),
                        Some(&clean[..]),
                        "a flip of bit {bit} at {at} was trusted"
                    );
                }
            }
        }
    }
    assert!(
        recalled > 0,
        "no flip left the record readable: the test proved little"
    );
}

#[test]
fn cache_files_being_written_are_named_as_tier0_sweeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let writer = Writer::create(dir.path(), &FRAME, 1).unwrap();
    let name = writer.file.get_ref().path().file_name().unwrap();
    assert!(name.to_str().unwrap().starts_with(TEMP_PREFIX), "{name:?}");
    std::fs::write(dir.path().join("cache"), "kept").unwrap();
    std::fs::write(dir.path().join(".tmpAbCdEf"), "not named by tier0").unwrap();
    std::fs::create_dir(dir.path().join(".cache.tier0-folder")).unwrap();
    drop(writer);
    std::fs::write(dir.path().join(".cache.tier0-dead"), "killed").unwrap();
    remove_stale(dir.path());
    let mut left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, [".cache.tier0-folder", ".tmpAbCdEf", "cache"]);
}

#[test]
fn a_damaged_size_asks_for_no_memory() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = Earlier {
        bytes: vec![0xff, 0xff, 0xff, 0x7f, 0x10, 0x00],
        entries: HashMap::new(),
    };
    let entry = Entry {
        key: [0; 32],
        page: Stamp::of(&saved(dir.path())).unwrap(),
        record: (0, 6),
        check: *blake3::hash(&earlier.bytes).as_bytes(),
    };
    assert!(earlier.record(&entry).is_none());
}
