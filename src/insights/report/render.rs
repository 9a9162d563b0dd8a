//! The report as people and spreadsheets read it: a CSV of the articles,
//! and the self-contained HTML page with its KPIs, tables and SVG chart.
//! Kept apart from the figures, which it only formats.

use serde::Serialize;
use tera::{Context, Tera, Value};

use super::{Report, Week};

/// The articles as CSV (RFC 4180), one row each.
pub fn csv(report: &Report) -> String {
    let mut out = String::from(
        "id,lang,title,tier,team,views,helpful,unhelpful,helpful_ratio,escalations,escalation_rate,reuse,flags,overdue_days,confidence\r\n",
    );
    let field = |text: &str| {
        // A leading = + - @ would be a formula to a spreadsheet.
        let text = match text.chars().next() {
            Some('=' | '+' | '-' | '@') => format!("'{text}"),
            _ => text.to_owned(),
        };
        format!("\"{}\"", text.replace('"', "\"\""))
    };
    let number = |n: Option<f64>| n.map(|n| format!("{n:.3}")).unwrap_or_default();
    for a in &report.articles {
        let cells = [
            field(&a.id),
            field(&a.lang),
            field(&a.title),
            field(&a.tier),
            field(a.team.as_deref().unwrap_or("")),
            format!("{:.0}", a.views),
            a.helpful.to_string(),
            a.unhelpful.to_string(),
            number(a.helpful_ratio),
            a.escalations.to_string(),
            number(a.escalation_rate),
            a.reuse.to_string(),
            a.flags.values().sum::<i64>().to_string(),
            a.overdue_days.map(|d| d.to_string()).unwrap_or_default(),
            a.confidence.name().to_owned(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

const TEMPLATE: &str = include_str!("report.html");

/// The report as one self-contained HTML page.
pub fn html(report: &Report) -> Result<String, tera::Error> {
    let mut tera = Tera::new();
    tera.add_raw_template("report.html", TEMPLATE)?;
    let mut ctx = Context::new();
    ctx.insert_value("r", Value::from_serializable(report));
    ctx.insert_value("view", Value::from_serializable(&View::of(report)));
    ctx.insert_value("chart", Value::from_serializable(&chart(&report.trend)));
    tera.render("report.html", &ctx)
}

/// The report's numbers as the page shows them.
#[derive(Debug, Serialize)]
struct View {
    kpis: Vec<Kpi>,
    weeks: Vec<WeekView>,
    articles: Vec<ArticleView>,
    peak: String,
}

#[derive(Debug, Serialize)]
struct Kpi {
    label: String,
    value: String,
}

#[derive(Debug, Serialize)]
struct WeekView {
    start: String,
    searches: String,
    views: String,
    escalations: String,
    score: String,
}

#[derive(Debug, Serialize)]
struct ArticleView {
    id: String,
    lang: String,
    title: String,
    owner: String,
    views: String,
    helpful: String,
    escalation: String,
    reuse: i64,
    flags: String,
}

fn whole(n: f64) -> String {
    format!("{n:.0}")
}

fn percent(n: Option<f64>) -> String {
    n.map_or_else(|| "–".to_owned(), |n| format!("{:.0} %", n * 100.0))
}

fn score(n: Option<f64>) -> String {
    n.map_or_else(|| "–".to_owned(), |n| format!("{n:.1}"))
}

impl View {
    fn of(r: &Report) -> View {
        let t = &r.totals;
        let kpi = |label: &str, value: String| Kpi {
            label: label.to_owned(),
            value,
        };
        let mut kpis = vec![
            kpi(
                "self-service score (views per contact)",
                score(t.self_service_score),
            ),
            kpi("contacts after reading", percent(t.escalation_rate)),
            kpi("found it helpful", percent(t.helpful_ratio)),
            kpi("article views", whole(t.views)),
            kpi("searches", t.searches.to_string()),
            kpi("contacts with support", t.escalations.to_string()),
            kpi("sent by agents", t.reuse.to_string()),
            kpi("flagged by agents", t.flags.to_string()),
        ];
        if let Some(e) = &t.estimate {
            kpis.push(kpi(
                "contacts avoided (estimate)",
                whole(e.contacts_avoided),
            ));
            kpis.push(kpi(
                "saved (estimate)",
                format!("{} {}", whole(e.saved), e.currency)
                    .trim()
                    .to_owned(),
            ));
        }
        View {
            kpis,
            peak: whole(
                r.trend
                    .iter()
                    .map(|w| w.views.max(w.escalations))
                    .fold(0.0, f64::max),
            ),
            weeks: r
                .trend
                .iter()
                .map(|w| WeekView {
                    start: w.start.clone(),
                    searches: whole(w.searches),
                    views: whole(w.views),
                    escalations: whole(w.escalations),
                    score: score(w.self_service_score),
                })
                .collect(),
            articles: r
                .articles
                .iter()
                .map(|a| ArticleView {
                    id: a.id.clone(),
                    lang: a.lang.clone(),
                    title: a.title.clone(),
                    owner: match &a.team {
                        Some(team) => format!("{} · {team}", a.tier),
                        None => a.tier.clone(),
                    },
                    views: whole(a.views),
                    helpful: format!(
                        "{} ({}/{})",
                        percent(a.helpful_ratio),
                        a.helpful,
                        a.helpful + a.unhelpful
                    ),
                    escalation: format!("{} ({})", percent(a.escalation_rate), a.escalations),
                    reuse: a.reuse,
                    flags: a
                        .flags
                        .iter()
                        .map(|(reason, n)| format!("{reason} × {n}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
        }
    }
}

/// The trend as SVG polylines in a 600 × 160 box.
#[derive(Debug, Serialize)]
struct Chart {
    views: String,
    escalations: String,
    first: String,
    last: String,
}

fn chart(weeks: &[Week]) -> Chart {
    let max = weeks
        .iter()
        .map(|w| w.views.max(w.escalations))
        .fold(0.0, f64::max)
        .max(1.0);
    let step = 600.0 / (weeks.len().max(2) - 1) as f64;
    let line = |value: fn(&Week) -> f64| {
        weeks
            .iter()
            .enumerate()
            .map(|(i, w)| {
                format!(
                    "{:.1},{:.1}",
                    i as f64 * step,
                    160.0 - value(w) / max * 150.0
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    Chart {
        views: line(|w| w.views),
        escalations: line(|w| w.escalations),
        first: weeks.first().map(|w| w.start.clone()).unwrap_or_default(),
        last: weeks.last().map(|w| w.start.clone()).unwrap_or_default(),
    }
}
