//! Working out what each column of a file holds: the header row (or its absence), the role of
//! each column by name, and the checks by content for files whose headers do not say.

use super::columns::{self, looks_like_email};
use super::{LoadOptions, Row};
use crate::codes::rules::type_hint;
use crate::model::Role;

/// How a table's columns are read: the headers, the roles and what is implied.
pub(crate) struct Layout {
    /// Column names (generated for headerless files).
    pub(crate) headers: Vec<String>,
    /// Which column serves which role.
    pub(crate) roles: Vec<(Role, usize)>,
    /// Whether the first row is the header.
    pub(crate) has_header: bool,
    /// The address column.
    pub(crate) email: usize,
    /// The type implied by the headers when there is no type column.
    pub(crate) implied_kind: Option<&'static str>,
}

/// How many rows are looked at to recognise columns by their content.
pub(crate) const CONTENT_SAMPLE: usize = 500;

impl Layout {
    /// Works the layout out from the first rows of a file (header and up to
    /// [`CONTENT_SAMPLE`] data rows).
    pub(crate) fn new(rows: &[Row], options: &LoadOptions) -> Result<Layout, String> {
        let first = rows
            .first()
            .ok_or_else(|| "has no rows (only blank lines)".to_string())?;
        let has_header = !options.columns.is_empty() || is_header(&first.fields);
        let width = rows.iter().map(|r| r.fields.len()).max().unwrap_or(0);
        let headers: Vec<String> = if has_header {
            first.fields.iter().map(|h| h.trim().to_string()).collect()
        } else {
            (1..=width).map(|i| format!("column {i}")).collect()
        };
        let body = &rows[usize::from(has_header)..];
        let mut roles = columns::map_headers(&headers);
        apply_overrides(&mut roles, &headers, &options.columns)?;
        if !roles.iter().any(|(r, _)| *r == Role::Email) {
            let found = email_column_by_content(body, width).ok_or_else(|| {
                if has_header {
                    format!(
                        "has no column that looks like an email address (headers found: {}); \
                         name it with --column email=HEADER",
                        header_list(&headers)
                    )
                } else {
                    "has no column that looks like an email address".to_string()
                }
            })?;
            roles.push((Role::Email, found));
        }
        let mut headers = headers;
        if !has_header {
            name_generated_headers(&mut headers, &roles);
        }
        reassign_type_columns(&mut roles, body);
        roles.sort();
        let email = roles
            .iter()
            .find(|(r, _)| *r == Role::Email)
            .map(|(_, c)| *c)
            .expect("an email column was found or the load failed above");
        let implied_kind = if roles.iter().any(|(r, _)| *r == Role::Kind) {
            None
        } else {
            columns::implied_kind(&headers)
        };
        Ok(Layout {
            headers,
            roles,
            has_header,
            email,
            implied_kind,
        })
    }

    /// The first column serving `role`.
    pub(crate) fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().find(|(r, _)| *r == role).map(|(_, c)| *c)
    }
}

/// A first row is a header when it names a known column, or when none of its cells is an
/// address (a one-column address list has no header).
fn is_header(fields: &[String]) -> bool {
    let names_a_role = fields.iter().any(|f| columns::role_for_header(f).is_some());
    names_a_role || !fields.iter().any(|f| looks_like_email(f))
}

fn apply_overrides(
    roles: &mut Vec<(Role, usize)>,
    headers: &[String],
    overrides: &[(Role, String)],
) -> Result<(), String> {
    for (role, wanted) in overrides {
        let folded = columns::fold(wanted);
        let column = headers
            .iter()
            .position(|h| h == wanted)
            .or_else(|| headers.iter().position(|h| columns::fold(h) == folded))
            .ok_or_else(|| {
                format!(
                    "has no column named '{wanted}' for --column {}= (headers found: {})",
                    role.as_str(),
                    header_list(headers)
                )
            })?;
        roles.retain(|(r, c)| r != role && *c != column);
        roles.push((*role, column));
    }
    Ok(())
}

/// The column where most values are addresses, for files whose header does not say.
fn email_column_by_content(body: &[Row], width: usize) -> Option<usize> {
    (0..width)
        .map(|column| {
            let values = body
                .iter()
                .take(CONTENT_SAMPLE)
                .filter_map(|r| r.fields.get(column))
                .filter(|v| !v.trim().is_empty());
            let (total, emails) = values.fold((0, 0), |(t, e), v| {
                (t + 1, e + usize::from(looks_like_email(v)))
            });
            (column, total, emails)
        })
        .filter(|&(_, total, emails)| total > 0 && emails * 2 >= total)
        .max_by_key(|&(_, _, emails)| emails)
        .map(|(column, _, _)| column)
}

fn name_generated_headers(headers: &mut [String], roles: &[(Role, usize)]) {
    for (role, column) in roles {
        if *role == Role::Email
            && let Some(header) = headers.get_mut(*column)
        {
            *header = "Email".to_string();
        }
    }
}

/// A "Reason" or "Status" column whose values are words like `Hard Bounce`, `COMPLAINT` or
/// `hardBounce` is really the type column (Amazon SES, Brevo).
fn reassign_type_columns(roles: &mut [(Role, usize)], body: &[Row]) {
    if roles.iter().any(|(r, _)| *r == Role::Kind) {
        return;
    }
    let candidate = roles.iter().position(|&(role, column)| {
        matches!(role, Role::Reason | Role::Code) && mostly_type_words(body, column)
    });
    if let Some(index) = candidate {
        roles[index].0 = Role::Kind;
    }
}

fn mostly_type_words(body: &[Row], column: usize) -> bool {
    let values = body
        .iter()
        .take(CONTENT_SAMPLE)
        .filter_map(|r| r.fields.get(column))
        .filter(|v| !v.trim().is_empty());
    let (total, words) = values.fold((0, 0), |(t, w), v| {
        (t + 1, w + usize::from(type_hint(v).is_some()))
    });
    total > 0 && words * 5 >= total * 4
}
/// The headers for an error message: the first dozen, each cut to 40 characters, then how
/// many more, so a file with 10,000 columns still gets one readable line.
fn header_list(headers: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut listed: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|h| crate::render::truncate(h, 40))
        .collect();
    if headers.len() > SHOWN {
        listed.push(format!("… and {} more", headers.len() - SHOWN));
    }
    listed.join(", ")
}
