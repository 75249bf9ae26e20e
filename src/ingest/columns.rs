//! Recognising columns by their header, whatever the platform called them. Headers are
//! compared after folding case and dropping spaces and punctuation, so `E-mail`, `EMAIL
//! ADDRESS` and `email_address` are one name.

use crate::model::Role;

/// Header synonyms per role, already folded (lower case, letters and digits only). One table,
/// so supporting a new platform's export is a one-line change.
pub static SYNONYMS: &[(Role, &[&str])] = &[
    (
        Role::Email,
        &[
            "email",
            "emailaddress",
            "email1",
            "address",
            "recipient",
            "recipientemail",
            "recipientaddress",
            "currentemailaddress",
            "mail",
            "emailid",
            "contactemail",
            "subscriberemail",
            "to",
        ],
    ),
    (
        Role::FirstName,
        &["firstname", "first", "givenname", "fname", "forename"],
    ),
    (
        Role::LastName,
        &["lastname", "last", "surname", "familyname", "lname"],
    ),
    (
        Role::FullName,
        &[
            "fullname",
            "name",
            "contactname",
            "displayname",
            "recipientname",
        ],
    ),
    (
        Role::Company,
        &[
            "company",
            "companyname",
            "organization",
            "organisation",
            "account",
            "employer",
        ],
    ),
    (
        Role::Reason,
        &[
            "reason",
            "bouncereason",
            "error",
            "description",
            "details",
            "diagnostic",
            "diagnosticcode",
            "statusmessage",
            "notsentreason",
            "unsubreason",
            "message",
            "response",
            "smtpresponse",
            "bouncemessage",
            "failurereason",
        ],
    ),
    (
        Role::Code,
        &[
            "bouncecode",
            "code",
            "status",
            "smtpcode",
            "reasoncode",
            "statuscode",
            "errorcode",
            "smtpstatus",
            "enhancedcode",
        ],
    ),
    (
        Role::Kind,
        &[
            "type",
            "suppressiontype",
            "bouncetype",
            "suppressionreason",
            "bouncecategory",
            "category",
            "eventtype",
            "event",
        ],
    ),
    (
        Role::Date,
        &[
            "date",
            "dateadded",
            "created",
            "createdat",
            "bouncedat",
            "lastupdatetime",
            "cleantime",
            "unsubtime",
            "timestamp",
            "time",
            "datetime",
            "bouncedate",
            "suppressedat",
            "blockedat",
            "updatedat",
        ],
    ),
];

/// Headers that say what the whole file is when it has no type column: Mailchimp's
/// unsubscribed and cleaned exports.
pub static IMPLIED_KINDS: &[(&str, &str)] = &[
    ("unsubtime", "Unsubscribed"),
    ("unsubreason", "Unsubscribed"),
    ("unsubcampaigntitle", "Unsubscribed"),
    ("cleantime", "Cleaned"),
    ("cleancampaigntitle", "Cleaned"),
];

/// Folds a header for comparison.
pub fn fold(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The role a header names, if any.
pub fn role_for_header(header: &str) -> Option<Role> {
    let folded = fold(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&folded.as_str()))
        .map(|(role, _)| *role)
}

/// The type implied by the headers, e.g. `Unsubscribed` for a Mailchimp unsubscribe export.
pub fn implied_kind(headers: &[String]) -> Option<&'static str> {
    headers.iter().find_map(|h| {
        let folded = fold(h);
        IMPLIED_KINDS
            .iter()
            .find(|(name, _)| *name == folded)
            .map(|(_, kind)| *kind)
    })
}

/// Maps headers to roles. Email, names, company, type, code and date take their first
/// matching column; reason takes every matching column, because platforms split a short
/// description from the raw transcript.
pub fn map_headers(headers: &[String]) -> Vec<(Role, usize)> {
    let mut roles: Vec<(Role, usize)> = Vec::new();
    for (column, header) in headers.iter().enumerate() {
        let Some(role) = role_for_header(header) else {
            continue;
        };
        let taken = roles.iter().any(|(r, _)| *r == role);
        if !taken || role == Role::Reason {
            roles.push((role, column));
        }
    }
    roles
}

/// Whether a value looks like an email address: something, one `@`, a dotted domain. Loose on
/// purpose: typos like `bob@yahoo.con` must still be recognised as addresses.
pub fn looks_like_email(value: &str) -> bool {
    let value = value.trim().trim_start_matches("mailto:");
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !value.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn folding_ignores_case_spaces_and_punctuation() {
        assert_eq!(role_for_header("E-mail"), Some(Role::Email));
        assert_eq!(role_for_header(" EMAIL ADDRESS "), Some(Role::Email));
        assert_eq!(role_for_header("current_email_address"), Some(Role::Email));
        assert_eq!(role_for_header("Not Sent Reason"), Some(Role::Reason));
        assert_eq!(role_for_header("bounce_code"), Some(Role::Code));
        assert_eq!(role_for_header("LastUpdateTime"), Some(Role::Date));
        assert_eq!(role_for_header("MEMBER_RATING"), None);
    }

    #[test]
    fn postmark_keeps_both_reason_columns() {
        let roles = map_headers(&headers(&[
            "Type",
            "Email",
            "Description",
            "Details",
            "BouncedAt",
        ]));
        assert_eq!(
            roles,
            vec![
                (Role::Kind, 0),
                (Role::Email, 1),
                (Role::Reason, 2),
                (Role::Reason, 3),
                (Role::Date, 4)
            ]
        );
    }

    #[test]
    fn mailchimp_unsubscribes_imply_their_type() {
        let names = headers(&["Email Address", "UNSUB_TIME", "UNSUB_REASON"]);
        assert_eq!(implied_kind(&names), Some("Unsubscribed"));
        assert_eq!(implied_kind(&headers(&["Email", "Reason"])), None);
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("jane.doe@gmial.com"));
        assert!(looks_like_email("ü@bücher.de"));
        assert!(!looks_like_email("Email Address"));
        assert!(!looks_like_email("jane doe@x.com"));
        assert!(!looks_like_email("@example.com"));
    }
}
