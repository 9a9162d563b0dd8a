use std::collections::BTreeMap;
use std::sync::Mutex;

use super::*;

/// A sink over an earlier build held in memory: what it keeps and writes.
#[derive(Default)]
struct Earlier {
    previous: BTreeMap<String, Vec<u8>>,
    /// Paths that cannot be linked (another file system).
    unlinkable: Vec<String>,
    kept: Mutex<Vec<String>>,
    put: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Sink for Earlier {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.put.lock().unwrap().insert(path.into(), bytes.into());
        Ok(())
    }
    fn copy(&self, _: &str, _: &Path) -> io::Result<()> {
        unreachable!("the search index copies no file")
    }
    fn keep(&self, path: &str) -> bool {
        let linked = self.previous.contains_key(path) && !self.unlinkable.iter().any(|p| p == path);
        if linked {
            self.kept.lock().unwrap().push(path.into());
        }
        linked
    }
    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        self.previous.get(path).cloned()
    }
}

fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// An earlier build of `es` under `key`: its site and index sinks.
fn earlier(key: &str) -> (Earlier, Earlier) {
    let site_files = [("es/b1/p/0.js", "postings"), ("es/manifest.js", "manifest")];
    let index_files = [("meta.json", "{}"), ("a.store", "stored")];
    let record = Record {
        key: key.into(),
        site: site_files
            .iter()
            .map(|(p, b)| (p.to_string(), hash(b.as_bytes())))
            .collect(),
        index: index_files
            .iter()
            .map(|(p, b)| (p.to_string(), hash(b.as_bytes())))
            .collect(),
    };
    let site = Earlier {
        previous: site_files
            .iter()
            .map(|(p, b)| (format!("search/{p}"), b.as_bytes().to_vec()))
            .collect(),
        ..Earlier::default()
    };
    let mut index = Earlier {
        previous: index_files
            .iter()
            .map(|(p, b)| (format!("es/{p}"), b.as_bytes().to_vec()))
            .collect(),
        ..Earlier::default()
    };
    index.previous.insert(
        "es.export.json".into(),
        serde_json::to_vec(&record).unwrap(),
    );
    (site, index)
}

fn kept(sink: &Earlier) -> Vec<String> {
    let mut kept = sink.kept.lock().unwrap().clone();
    kept.sort();
    kept
}

#[test]
fn every_part_of_what_makes_a_language_changes_its_key() {
    let rules = [SynonymRule::group(vec!["wifi".into(), "wlan".into()])];
    let key = key("es", "b1", &rules);
    assert_eq!(key, super::key("es", "b1", &rules));
    assert_ne!(key, super::key("en", "b1", &rules));
    assert_ne!(key, super::key("es", "b2", &rules));
    assert_ne!(key, super::key("es", "b1", &[]));
    // Parts never run together.
    assert_ne!(super::key("es", "b1", &[]), super::key("esb", "1", &[]));
}

#[test]
fn an_unchanged_language_is_kept_whole_with_its_record() {
    let (site, index) = earlier("k");
    assert!(keep("es", "k", &index, &site).unwrap());
    assert_eq!(
        kept(&site),
        ["search/es/b1/p/0.js", "search/es/manifest.js"]
    );
    assert_eq!(
        kept(&index),
        ["es.export.json", "es/a.store", "es/meta.json"]
    );
    assert!(site.put.lock().unwrap().is_empty());
}

#[test]
fn a_language_is_built_again_unless_every_file_is_as_recorded() {
    let refused = |change: &dyn Fn(&mut Earlier, &mut Earlier), why: &str| {
        let (mut site, mut index) = earlier("k");
        change(&mut site, &mut index);
        assert!(!keep("es", "k", &index, &site).unwrap(), "{why}");
        assert!(
            kept(&site).is_empty() && kept(&index).is_empty(),
            "{why}: linked"
        );
    };
    refused(
        &|_, index| drop(index.previous.remove("es.export.json")),
        "no record",
    );
    refused(
        &|_, index| {
            drop(
                index
                    .previous
                    .insert("es.export.json".into(), b"{".to_vec()),
            )
        },
        "an unreadable record",
    );
    refused(
        &|site, _| drop(site.previous.remove("search/es/manifest.js")),
        "an exported file gone",
    );
    refused(
        &|site, _| {
            drop(
                site.previous
                    .insert("search/es/manifest.js".into(), b"minified".to_vec()),
            )
        },
        "an exported file edited",
    );
    refused(
        &|_, index| {
            drop(
                index
                    .previous
                    .insert("es/a.store".into(), b"other".to_vec()),
            )
        },
        "an index file edited",
    );
    let (site, index) = earlier("k");
    assert!(
        !keep("es", "other key", &index, &site).unwrap(),
        "another key"
    );
}

#[test]
fn a_record_never_names_a_file_outside_its_language() {
    for (site_path, index_name) in [
        ("../../etc/passwd", "meta.json"),
        ("en/manifest.js", "meta.json"),
        ("es", "meta.json"),
        ("es/../../x", "meta.json"),
        ("es/manifest.js", "../en/meta.json"),
        ("es/manifest.js", "sub/meta.json"),
    ] {
        let bytes = b"x";
        let record = Record {
            key: "k".into(),
            site: [(site_path.to_string(), hash(bytes))].into(),
            index: [(index_name.to_string(), hash(bytes))].into(),
        };
        let site = Earlier {
            previous: [(format!("search/{site_path}"), bytes.to_vec())].into(),
            ..Earlier::default()
        };
        let index = Earlier {
            previous: [
                (format!("es/{index_name}"), bytes.to_vec()),
                (
                    "es.export.json".into(),
                    serde_json::to_vec(&record).unwrap(),
                ),
            ]
            .into(),
            ..Earlier::default()
        };
        assert!(
            !keep("es", "k", &index, &site).unwrap(),
            "{site_path} {index_name}"
        );
    }
}

#[test]
fn a_file_that_cannot_be_linked_is_written_with_the_bytes_checked() {
    let (mut site, index) = earlier("k");
    site.unlinkable.push("search/es/manifest.js".into());
    assert!(keep("es", "k", &index, &site).unwrap());
    assert_eq!(kept(&site), ["search/es/b1/p/0.js"]);
    assert_eq!(
        *site.put.lock().unwrap(),
        BTreeMap::from([("search/es/manifest.js".to_string(), b"manifest".to_vec())])
    );
}

#[test]
fn the_record_holds_the_language_files_exported_and_its_index() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("es")).unwrap();
    std::fs::write(dir.path().join("es/meta.json"), "{}").unwrap();
    std::fs::create_dir(dir.path().join("es/sub")).unwrap();
    let exported = Exported::default();
    exported.note("manifest.js", b"root");
    exported.note("tier0-search.js", b"engine");
    exported.note("es/manifest.js", b"manifest");
    exported.note("en/manifest.js", b"other");
    let index = Earlier::default();
    exported
        .record("es", "k".into(), dir.path(), &index)
        .unwrap();
    let put = index.put.lock().unwrap();
    let record: Record = serde_json::from_slice(&put["es.export.json"]).unwrap();
    assert_eq!(record.key, "k");
    assert_eq!(
        record.site,
        BTreeMap::from([("es/manifest.js".to_string(), hash(b"manifest"))])
    );
    assert_eq!(
        record.index,
        BTreeMap::from([("meta.json".to_string(), hash(b"{}"))])
    );
}
