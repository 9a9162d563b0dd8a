//! The report from a seeded database: its figures against their
//! definitions, and its HTML, CSV and JSON as snapshots.

use super::*;
use crate::insights::event;
use crate::insights::store::Store;

/// Monday 2025-12-01, 00:00 UTC.
const MONDAY: i64 = 1_764_547_200;
const DAY: i64 = 86_400;

/// A SQLite database seeded with two weeks of events, and its report.
async fn seeded(cost: Option<f64>) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("seeded.db").display().to_string())
        .await
        .unwrap();
    let mut catalog =
        Catalog::for_tests(&["es"], &[("KB-1", "es"), ("KB-2", "es"), ("KB-3", "es")])
            .with_confidence("KB-2", "es", Confidence::NotValidated)
            .with_confidence("KB-3", "es", Confidence::Draft);
    catalog.settings.cost_per_contact = cost;
    catalog.settings.currency = "EUR".into();
    let seed = [
        (
            0,
            r#"{"type":"view","lang":"es","edition":"public","article":"KB-1"}"#,
            6,
        ),
        (
            1,
            r#"{"type":"view","lang":"es","edition":"public","article":"KB-2","sample":0.25}"#,
            1,
        ),
        (
            2,
            r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-1","helpful":true}"#,
            3,
        ),
        (
            2,
            r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-2","helpful":false}"#,
            3,
        ),
        (
            3,
            r#"{"type":"escalate","lang":"es","edition":"public","article":"KB-2","channel":"mail"}"#,
            2,
        ),
        (
            8,
            r#"{"type":"view","lang":"es","edition":"public","article":"KB-1"}"#,
            2,
        ),
        (
            8,
            r#"{"type":"escalate","lang":"es","edition":"public","article":"KB-1","channel":"phone"}"#,
            1,
        ),
        (
            9,
            r#"{"type":"search","lang":"es","edition":"public","query":"a&b \"c\"","results":0}"#,
            2,
        ),
        (
            9,
            r#"{"type":"search","lang":"es","edition":"public","query":"it's gone","results":0}"#,
            1,
        ),
        (
            9,
            r#"{"type":"search","lang":"es","edition":"public","query":"vpn","results":4}"#,
            1,
        ),
        (
            10,
            r#"{"type":"reuse","lang":"es","edition":"agents","article":"KB-1","how":"link"}"#,
            2,
        ),
        (
            10,
            r#"{"type":"flag","lang":"es","edition":"agents","article":"KB-2","reason":"outdated","note":"Menu renamed & moved"}"#,
            1,
        ),
    ];
    let mut records = Vec::new();
    for (day, json, times) in seed {
        for _ in 0..times {
            records
                .push(event::parse(json.as_bytes(), &catalog, MONDAY + day * DAY + 3600).unwrap());
        }
    }
    store.insert(&records).await.unwrap();
    let data = store.aggregates(MONDAY).await.unwrap();
    store.close().await;
    compute(&catalog, &data, MONDAY, MONDAY + 14 * DAY - 1)
}

#[tokio::test]
async fn the_figures_follow_their_definitions() {
    let r = seeded(Some(10.0)).await;
    let t = &r.totals;
    // 6 + 2 views of KB-1, one view sampled at 1/4 standing for 4 of KB-2.
    assert_eq!(t.views, 12.0);
    assert_eq!(t.escalations, 3);
    assert_eq!(t.self_service_score, Some(4.0));
    assert_eq!(t.helpful_ratio, Some(0.5));
    let e = t.estimate.as_ref().unwrap();
    assert_eq!(e.contacts_avoided, (12.0 - 3.0) * 0.5);
    assert_eq!(e.saved, 45.0);
    assert_eq!(
        r.trend
            .iter()
            .map(|w| (w.start.as_str(), w.views, w.escalations))
            .collect::<Vec<_>>(),
        [("2025-12-01", 10.0, 2.0), ("2025-12-08", 2.0, 1.0)]
    );
    assert_eq!(r.no_results[0].query, "a&b \"c\"");
    assert_eq!(
        r.no_results[1].suggestion,
        r"tier0 new troubleshooting 'it'\''s gone' --lang es"
    );
    let kb2 = r.articles.iter().find(|a| a.id == "KB-2").unwrap();
    assert_eq!(
        (kb2.escalation_rate, kb2.flags.get("outdated")),
        (Some(0.5), Some(&1))
    );
    assert_eq!(r.tiers[0].teams[0].flagged, ["KB-2 (es) Article KB-2"]);
    assert_eq!(r.tiers[0].teams[0].unhelpful, ["KB-2 (es) Article KB-2"]);
    // Waiting for validation, with or without events.
    assert_eq!(
        r.tiers[0].teams[0].waiting,
        [
            "KB-2 (es) Article KB-2 [not-validated]",
            "KB-3 (es) Article KB-3 [draft]"
        ]
    );
    assert!(
        seeded(None).await.totals.estimate.is_none(),
        "no cost, no estimate"
    );
}

#[tokio::test]
async fn the_report_of_a_seeded_database() {
    let r = seeded(Some(10.0)).await;
    let page = html(&r).unwrap();
    assert!(!page.contains("a&b \"c\""), "text is escaped");
    assert!(
        !page.contains("src=") && !page.contains("href="),
        "no request leaves the page"
    );
    insta::assert_snapshot!("report_html", page);
    insta::assert_snapshot!("report_csv", csv(&r));
    insta::assert_snapshot!("report_json", serde_json::to_string_pretty(&r).unwrap());
}

#[tokio::test]
async fn a_weight_stored_infinite_or_huge_counts_as_one_view() {
    // Rows an older collector stored from `"sample": 5e-324` or `1e-300`.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("weights.db").display().to_string())
        .await
        .unwrap();
    let catalog = Catalog::for_tests(&["es"], &[("KB-1", "es")]);
    let view = r#"{"type":"view","lang":"es","edition":"public","article":"KB-1"}"#;
    let records: Vec<_> = [f64::INFINITY, 1e300, 4.0]
        .into_iter()
        .map(|weight| event::Record {
            weight,
            ..event::parse(view.as_bytes(), &catalog, MONDAY + 3600).unwrap()
        })
        .collect();
    store.insert(&records).await.unwrap();
    let data = store.aggregates(MONDAY).await.unwrap();
    store.close().await;
    let r = compute(&catalog, &data, MONDAY, MONDAY + 7 * DAY);
    assert_eq!(r.totals.views, 1.0 + 1.0 + 4.0);
    assert_eq!(r.trend[0].views, 6.0);
    assert!(!csv(&r).contains("inf"));
}
