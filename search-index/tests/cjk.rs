//! Chinese, Japanese and Korean text, written without spaces between its
//! words: indexed as pairs of letters, so a word inside a sentence is
//! found, by the engine `tier0 search` runs (the browser's twin is held to
//! it by the JS engine tests).

mod common;

use common::search;
use search_index::{SearchDocument, build, export_files};

fn doc(id: &str, lang: &str, title: &str, body: &str) -> SearchDocument {
    SearchDocument {
        lang: lang.into(),
        ..common::english_doc(id, title, None, body)
    }
}

/// One run of 48 letters, which a run's length limit dropped whole.
const LONG: &str = "打开控制面板后选择网络和共享中心然后点击更改适配器设置再右键单击无线网络连接并选择诊断来修复问题";

/// Articles in Chinese, Japanese and Korean, exported.
fn exported() -> Vec<search_index::ExportedFile> {
    let docs = vec![
        doc(
            "zh-1",
            "zh",
            "文件加密失败",
            "如果文件加密失败，请检查证书是否已经过期。",
        ),
        doc("zh-2", "zh", "无线网络", LONG),
        doc("zh-3", "zh", "重置密码", "在登录页面点击忘记密码。"),
        doc(
            "ja-1",
            "ja",
            "パスワードのリセット",
            "パスワードを忘れた場合は再設定してください。",
        ),
        doc(
            "ko-1",
            "ko",
            "비밀번호 재설정",
            "비밀번호를 잊으셨다면 재설정하세요.",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let langs = ["zh", "ja", "ko"].map(String::from).to_vec();
    export_files(&build(dir.path(), &langs, &docs).unwrap()).unwrap()
}

#[test]
fn a_word_inside_a_sentence_is_found() {
    assert!(LONG.chars().count() > 40);
    let files = exported();
    assert_eq!(search(&files, "zh", "加密 ", 10), ["zh-1"]);
    assert_eq!(search(&files, "zh", "适配器 ", 10), ["zh-2"]);
    assert_eq!(search(&files, "zh", "诊断", 10), ["zh-2"]);
    assert_eq!(search(&files, "zh", "密码", 10), ["zh-3"]);
    assert_eq!(search(&files, "ja", "パスワード ", 10), ["ja-1"]);
    assert_eq!(search(&files, "ko", "비밀번호 ", 10), ["ko-1"]);
    // A title typed whole is the exact title.
    let engine = common::engine(&files, "zh");
    let hits = engine.search("重置密码", 10).unwrap().hits;
    assert_eq!(hits[0].record.id, "zh-3");
}

#[test]
fn one_letter_finds_the_pairs_it_begins_and_ends() {
    // The index has pairs of letters: `败` is only the end of `失败`, and
    // `密` ends `加密` and begins `密码`. Typed complete or not, a letter
    // alone finds both.
    let files = exported();
    for query in ["败 ", "败"] {
        assert_eq!(search(&files, "zh", query, 10), ["zh-1"], "{query}");
    }
    let mut both = search(&files, "zh", "密 ", 10);
    both.sort();
    assert_eq!(both, ["zh-1", "zh-3"]);
    // Hangul and kana alike; a letter in no pair finds nothing.
    assert_eq!(search(&files, "ko", "번 ", 10), ["ko-1"]);
    assert_eq!(search(&files, "ja", "ワ ", 10), ["ja-1"]);
    assert!(search(&files, "zh", "龘 ", 10).is_empty());
}
