//! The tantivy schema of a language index and the weight of each field.
//!
//! In: nothing. Out: [`schema()`], [`Fields`] (the resolved field handles)
//! and [`FIELD_WEIGHTS`]. Guarantees: the weighted fields are indexed with
//! frequencies and field norms (what BM25 needs) and no positions (no phrase
//! queries are made, so they would only cost space); the export takes
//! its weights from [`FIELD_WEIGHTS`].

use tantivy::schema::{Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};

use crate::analyzer::ANALYZER_NAME;

/// Searched fields and their BM25 boosts: a title match counts most,
/// headings and keywords (tags, symptoms, error codes, applies_to) next, then
/// the description, then the body.
pub const FIELD_WEIGHTS: [(&str, f32); 5] = [
    ("title", 3.0),
    ("headings", 2.0),
    ("keywords", 2.0),
    ("description", 1.5),
    ("body", 1.0),
];

/// Stored-only string fields (what a result shows).
pub const STORED_FIELDS: [&str; 8] = [
    "id",
    "url",
    "display_title",
    "display_description",
    "tier",
    "category",
    "type",
    "lang",
];

/// The field holding the export order of a document (0, 1, 2, … in build order).
pub const ORD_FIELD: &str = "ord";

/// The schema of every language index.
pub fn schema() -> Schema {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqs)
        .set_fieldnorms(true);
    for (name, _) in FIELD_WEIGHTS {
        builder.add_text_field(
            name,
            TextOptions::default().set_indexing_options(indexing.clone()),
        );
    }
    for name in STORED_FIELDS {
        builder.add_text_field(name, STORED);
    }
    builder.add_u64_field(ORD_FIELD, STORED);
    builder.build()
}

/// Field handles of a language index.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Weighted text fields, in [`FIELD_WEIGHTS`] order, with their weight.
    pub weighted: Vec<(Field, f32)>,
    /// Article id.
    pub id: Field,
    /// URL.
    pub url: Field,
    /// Title (stored).
    pub title: Field,
    /// Description (stored).
    pub description: Field,
    /// Tier id.
    pub tier: Field,
    /// Category id.
    pub category: Field,
    /// Article type.
    pub doc_type: Field,
    /// Language code.
    pub lang: Field,
    /// Export order.
    pub ord: Field,
}

impl Fields {
    /// Resolves the fields of `schema`; `None` if it is not this crate's schema.
    pub fn resolve(schema: &Schema) -> Option<Fields> {
        let get = |name: &str| schema.get_field(name).ok();
        let mut weighted = Vec::new();
        for (name, weight) in FIELD_WEIGHTS {
            weighted.push((get(name)?, weight));
        }
        Some(Fields {
            weighted,
            id: get("id")?,
            url: get("url")?,
            title: get("display_title")?,
            description: get("display_description")?,
            tier: get("tier")?,
            category: get("category")?,
            doc_type: get("type")?,
            lang: get("lang")?,
            ord: get(ORD_FIELD)?,
        })
    }
}
