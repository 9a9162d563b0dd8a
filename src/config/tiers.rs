//! The organisation's escalation tiers as the config writes them, and the
//! four of a generic help desk that a site without `tiers` has.

use serde::{Deserialize, Serialize};

use super::Localized;

/// How to reach a tier.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    /// Link template; `{id}`, `{title}`, `{url}`, `{lang}` are replaced.
    pub url: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Opening hours.
    pub hours: Option<Localized>,
}

/// One escalation tier of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TierConfig {
    /// What articles write in `tier:`, e.g. `L3`.
    pub id: String,
    /// Display name.
    pub name: Localized,
    /// What this tier does, for users.
    #[serde(default)]
    pub description: Localized,
    /// How users reach it.
    #[serde(default)]
    pub contact: Contact,
}

/// L1 to L4 of a generic help desk, in Spanish and English.
pub(super) fn default_tiers() -> Vec<TierConfig> {
    let tier = |id: &str, es: &str, en: &str, des: &str, den: &str| TierConfig {
        id: id.into(),
        name: Localized::per_language(&[("es", es), ("en", en)]),
        description: Localized::per_language(&[("es", des), ("en", den)]),
        contact: Contact::default(),
    };
    vec![
        tier(
            "L1",
            "Nivel 1 · Soporte básico",
            "Level 1 · Basic support",
            "Primer contacto: recoge el caso y resuelve problemas de uso.",
            "First contact: takes the case and solves usage problems.",
        ),
        tier(
            "L2",
            "Nivel 2 · Soporte técnico",
            "Level 2 · Technical support",
            "Errores técnicos, piezas averiadas y seguimiento de incidencias.",
            "Technical errors, faulty parts and incident follow-up.",
        ),
        tier(
            "L3",
            "Nivel 3 · Soporte experto",
            "Level 3 · Expert support",
            "Reproduce el problema, encuentra la causa y documenta la solución.",
            "Reproduces the problem, finds the root cause and documents the fix.",
        ),
        tier(
            "L4",
            "Nivel 4 · Especialistas externos",
            "Level 4 · External specialists",
            "Proveedores externos supervisados por la organización.",
            "External specialists supervised by the organisation.",
        ),
    ]
}
