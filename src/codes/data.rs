//! The code knowledge itself: every reply code, enhanced status code and article row that
//! bouncelens knows, with a plain-words meaning, the usual disposition and reason, and a next
//! step. This is the single place that knowledge lives; `catalog` only defines the shapes and
//! the lookups.
//!
//! Sources:
//! - the Act! Marketing Automation help article on bounce codes (the seed article): its
//!   "Traditional" and "Enhanced" tables are kept verbatim in [`ARTICLE_REPLY`] and
//!   [`ARTICLE_ENHANCED`], and its class lines in [`CLASSES`];
//! - the IANA "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes" registry (RFC 3463,
//!   RFC 5248 and the RFCs that added codes since) for [`ENHANCED`];
//! - RFC 5321 §4.2 and RFC 4954 for [`REPLY`].
//!
//! Dispositions follow the guide: *hard* is permanent and address-side, *soft* is temporary
//! (the article counts a full inbox and a too-large message as soft), *block* means the receiver
//! refused the sender, *unknown* covers success, information and sender-side technical faults.
//! Each disposition is the usual outcome of the permanent (class 5) form. X.2.1 "mailbox
//! disabled" — the most disputed code — is read as hard: accounts are usually disabled for good.

use super::catalog::{Advice, ArticleRow, ClassDef, EnhancedDef, ReplyDef};
use super::{Disposition, Reason};

/// The article's "Traditional" table, row for row and word for word.
pub const ARTICLE_REPLY: &[ArticleRow] = &[
    ArticleRow {
        code: "000",
        common_reason: "Domain name does not exist",
    },
    ArticleRow {
        code: "421",
        common_reason: "Service not available, closing transmission channel",
    },
    ArticleRow {
        code: "450",
        common_reason: "Requested mail action not taken: mailbox unavailable (e.g., mailbox busy)",
    },
    ArticleRow {
        code: "451",
        common_reason: "Requested action aborted: error in processing (e.g., unable to reach destination system, bad email address, includes unspecified reasons as well)",
    },
    ArticleRow {
        code: "452",
        common_reason: "Requested action not taken: insufficient system storage",
    },
    ArticleRow {
        code: "500",
        common_reason: "Syntax error, command unrecognized",
    },
    ArticleRow {
        code: "501",
        common_reason: "Syntax error in parameters or arguments (e.g., invalid sending email address, invalid recipient address)",
    },
    ArticleRow {
        code: "502",
        common_reason: "Command not implemented",
    },
    ArticleRow {
        code: "503",
        common_reason: "Bad sequence of commands",
    },
    ArticleRow {
        code: "504",
        common_reason: "Command parameter not implemented",
    },
    ArticleRow {
        code: "550",
        common_reason: "Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or command rejected for policy reasons)",
    },
    ArticleRow {
        code: "551",
        common_reason: "User not local; please try",
    },
    ArticleRow {
        code: "552",
        common_reason: "Requested mail action aborted: exceeded storage allocation",
    },
    ArticleRow {
        code: "553",
        common_reason: "Requested action not taken: mailbox name not allowed (e.g., mailbox syntax incorrect)",
    },
    ArticleRow {
        code: "554",
        common_reason: "Transaction failed",
    },
];

/// The article's "Enhanced" table, row for row and word for word.
pub const ARTICLE_ENHANCED: &[ArticleRow] = &[
    ArticleRow {
        code: "5.0.0",
        common_reason: "Email address does not exist",
    },
    ArticleRow {
        code: "5.1.0",
        common_reason: "Other address status",
    },
    ArticleRow {
        code: "5.1.1",
        common_reason: "Bad destination mailbox address",
    },
    ArticleRow {
        code: "5.1.2",
        common_reason: "Bad destination system address",
    },
    ArticleRow {
        code: "5.1.3",
        common_reason: "Bad destination mailbox address syntax",
    },
    ArticleRow {
        code: "5.1.4",
        common_reason: "Destination mailbox address ambiguous",
    },
    ArticleRow {
        code: "5.1.5",
        common_reason: "Destination mailbox address valid",
    },
    ArticleRow {
        code: "5.1.6",
        common_reason: "Mailbox has moved",
    },
    ArticleRow {
        code: "5.1.7",
        common_reason: "Bad sender's mailbox address syntax",
    },
    ArticleRow {
        code: "5.1.8",
        common_reason: "Bad sender's system address",
    },
    ArticleRow {
        code: "5.2.0",
        common_reason: "Other or undefined mailbox status",
    },
    ArticleRow {
        code: "5.2.1",
        common_reason: "Mailbox disabled, not accepting messages",
    },
    ArticleRow {
        code: "5.2.2",
        common_reason: "Mailbox full",
    },
    ArticleRow {
        code: "5.2.3",
        common_reason: "Message length exceeds administrative limit.",
    },
    ArticleRow {
        code: "5.2.4",
        common_reason: "Mailing list expansion problem",
    },
    ArticleRow {
        code: "5.3.0",
        common_reason: "Other or undefined mail system status",
    },
    ArticleRow {
        code: "5.3.1",
        common_reason: "Mail system full",
    },
    ArticleRow {
        code: "5.3.2",
        common_reason: "System not accepting network messages",
    },
    ArticleRow {
        code: "5.3.3",
        common_reason: "System not capable of selected features",
    },
    ArticleRow {
        code: "5.3.4",
        common_reason: "Message too big for system",
    },
    ArticleRow {
        code: "5.4.0",
        common_reason: "Other or undefined network or routing status",
    },
    ArticleRow {
        code: "5.4.1",
        common_reason: "No answer from host",
    },
    ArticleRow {
        code: "5.4.2",
        common_reason: "Bad connection",
    },
    ArticleRow {
        code: "5.4.3",
        common_reason: "Routing server failure",
    },
    ArticleRow {
        code: "5.4.4",
        common_reason: "Unable to route",
    },
    ArticleRow {
        code: "5.4.5",
        common_reason: "Network congestion",
    },
    ArticleRow {
        code: "5.4.6",
        common_reason: "Routing loop detected",
    },
    ArticleRow {
        code: "5.4.7",
        common_reason: "Delivery time expired",
    },
    ArticleRow {
        code: "5.5.0",
        common_reason: "Other or undefined protocol status",
    },
    ArticleRow {
        code: "5.5.1",
        common_reason: "Invalid command",
    },
    ArticleRow {
        code: "5.5.2",
        common_reason: "Syntax error",
    },
    ArticleRow {
        code: "5.5.3",
        common_reason: "Too many recipients",
    },
    ArticleRow {
        code: "5.5.4",
        common_reason: "Invalid command arguments",
    },
    ArticleRow {
        code: "5.5.5",
        common_reason: "Wrong protocol version",
    },
    ArticleRow {
        code: "5.6.0",
        common_reason: "Other or undefined media error",
    },
    ArticleRow {
        code: "5.6.1",
        common_reason: "Media not supported",
    },
    ArticleRow {
        code: "5.6.2",
        common_reason: "Conversion required and prohibited",
    },
    ArticleRow {
        code: "5.6.3",
        common_reason: "Conversion required but not supported",
    },
    ArticleRow {
        code: "5.6.4",
        common_reason: "Conversion with loss performed",
    },
    ArticleRow {
        code: "5.6.5",
        common_reason: "Conversion failed",
    },
    ArticleRow {
        code: "5.7.0",
        common_reason: "Other or undefined security status",
    },
    ArticleRow {
        code: "5.7.1",
        common_reason: "Delivery not authorized, message refused",
    },
    ArticleRow {
        code: "5.7.2",
        common_reason: "Mailing list expansion prohibited",
    },
    ArticleRow {
        code: "5.7.3",
        common_reason: "Security conversion required but not possible",
    },
    ArticleRow {
        code: "5.7.4",
        common_reason: "Security features not supported",
    },
    ArticleRow {
        code: "5.7.5",
        common_reason: "Cryptographic failure",
    },
    ArticleRow {
        code: "5.7.6",
        common_reason: "Cryptographic algorithm not supported",
    },
    ArticleRow {
        code: "5.7.7",
        common_reason: "Message integrity failure",
    },
];

/// The article's enhanced-code class lines (2.X.X / 4.X.X / 5.X.X) with what they mean for the
/// address.
pub const CLASSES: &[ClassDef] = &[
    ClassDef {
        class: 2,
        title: "Success",
        meaning: "The receiving server accepted or delivered the email; nothing bounced.",
    },
    ClassDef {
        class: 4,
        title: "Persistent Transient Failure",
        meaning: "A temporary problem delayed or stopped delivery; the address is probably fine \
                  and a later retry may work.",
    },
    ClassDef {
        class: 5,
        title: "Permanent Failure",
        meaning: "Delivery failed and resending the same email unchanged will not help: the \
                  address or the sending has to change.",
    },
];

/// The IANA "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes" registry, X.0.0 to
/// X.7.30, sorted by (subject, detail). `title` and `rfc` are the registry's sample text and
/// reference; `classes` is read from the registry's description ("useful only as a permanent
/// error" …) together with its associated basic reply codes, widened to 5.X.X where the article
/// lists the code as a permanent failure (5.3.1, 5.4.1, 5.4.2, 5.4.5, 5.4.6 are described as
/// transient-only but are common in the wild). The reference lists each code in these classes.
pub const ENHANCED: &[EnhancedDef] = &[
    EnhancedDef {
        subject: 0,
        detail: 0,
        title: "Other undefined Status",
        rfc: "RFC 3463",
        classes: "2.X.X / 4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The server refused the email without saying why; the article reads this code as \"email address does not exist\".",
            disposition: Disposition::Hard,
            reason: Reason::Other,
            next_step: "Check the address for typos; if it looks right, confirm it with the contact before mailing again.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 0,
        title: "Other address status",
        rfc: "RFC 3463",
        classes: "2.X.X / 4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Something about the recipient address stopped delivery; servers use this mostly for addresses that are not valid.",
            disposition: Disposition::Hard,
            reason: Reason::UserUnknown,
            next_step: "Check the address for typos; if it is right, ask the contact for a new one and remove this one.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 1,
        title: "Bad destination mailbox address",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The mailbox does not exist at that domain: the part before the @ is wrong or the account was closed.",
            disposition: Disposition::Hard,
            reason: Reason::UserUnknown,
            next_step: "Check the address for typos; if it is right, ask the contact for a new one and remove this one.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 2,
        title: "Bad destination system address",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The domain after the @ does not exist or cannot receive email.",
            disposition: Disposition::Hard,
            reason: Reason::DomainNotFound,
            next_step: "Check the domain for typos (gmial.com, .con); if it is right, ask the contact for a new address.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 3,
        title: "Bad destination mailbox address syntax",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The address is not written validly: stray spaces, commas, double dots or a missing @.",
            disposition: Disposition::Hard,
            reason: Reason::Syntax,
            next_step: "Correct the address in your list; if you cannot tell what it should be, ask the contact.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 4,
        title: "Destination mailbox address ambiguous",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The address matched more than one mailbox at the receiver, so it could not tell who should get the email.",
            disposition: Disposition::Hard,
            reason: Reason::Other,
            next_step: "Ask the contact for their exact, full address and replace this one.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 5,
        title: "Destination address valid",
        rfc: "RFC 3463",
        classes: "2.X.X",
        advice: Advice {
            meaning: "Not a failure: the receiving server confirmed that the address is valid.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 6,
        title: "Destination mailbox has moved, No forwarding address",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The address used to work, but the person has moved on and left no forwarding address.",
            disposition: Disposition::Hard,
            reason: Reason::Moved,
            next_step: "Remove this address and find the person's new one (their company site, LinkedIn, or a colleague).",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 7,
        title: "Bad sender's mailbox address syntax",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Your sending (From or return) address was rejected as badly formed; the recipient's address is not at fault.",
            disposition: Disposition::Block,
            reason: Reason::Syntax,
            next_step: "Fix the sending address in your campaign or platform settings, then resend; keep the contact.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 8,
        title: "Bad sender's system address",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The domain of your sending address does not exist or cannot receive replies, so the receiver refused your email.",
            disposition: Disposition::Block,
            reason: Reason::Blocked,
            next_step: "Fix your sending domain (it needs working DNS and MX records), then resend; keep the contact.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 9,
        title: "Message relayed to non-compliant mailer",
        rfc: "RFC 3886",
        classes: "2.X.X",
        advice: Advice {
            meaning: "Not a failure: the email was passed on to a system that cannot report whether it was finally delivered.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: treat it as delivered unless a later bounce says otherwise.",
        },
    },
    EnhancedDef {
        subject: 1,
        detail: 10,
        title: "Recipient address has null MX",
        rfc: "RFC 7505",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The recipient's domain publishes a \"null MX\": it states that it accepts no email at all.",
            disposition: Disposition::Hard,
            reason: Reason::DomainNotFound,
            next_step: "Remove this address; ask the contact for one at a domain that receives email.",
        },
    },
    EnhancedDef {
        subject: 2,
        detail: 0,
        title: "Other or undefined mailbox status",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Something about the recipient's mailbox (not the address itself) stopped delivery; the server did not say what.",
            disposition: Disposition::Soft,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 2,
        detail: 1,
        title: "Mailbox disabled, not accepting messages",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The mailbox exists but is switched off. Accounts are often disabled for good (left the job, closed), so treat it as gone.",
            disposition: Disposition::Hard,
            reason: Reason::MailboxDisabled,
            next_step: "Stop mailing it; if the contact matters, reach them another way and ask for a current address.",
        },
    },
    EnhancedDef {
        subject: 2,
        detail: 2,
        title: "Mailbox full",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The recipient's inbox is full. The address is fine; they need to make room.",
            disposition: Disposition::Soft,
            reason: Reason::MailboxFull,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 2,
        detail: 3,
        title: "Message length exceeds administrative limit",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email is bigger than this mailbox accepts. The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::MessageTooLarge,
            next_step: "Make the email smaller (link to files instead of attaching them, compress images) and resend.",
        },
    },
    EnhancedDef {
        subject: 2,
        detail: 4,
        title: "Mailing list expansion problem",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The address is a mailing list, and the list could not pass the email on to its members.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Retry in a few days; if it keeps failing, ask the contact for a personal address instead.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 0,
        title: "Other or undefined mail system status",
        rfc: "RFC 3463",
        classes: "2.X.X / 4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving mail system had a problem of its own; the address itself is probably fine.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 1,
        title: "Mail system full",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving mail system has run out of storage. The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 2,
        title: "System not accepting network messages",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving server is not taking email right now (maintenance, overload or shutting down).",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 3,
        title: "System not capable of selected features",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving system cannot handle a feature this email asked for. The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Resend as a plain, standard email; if it keeps failing, ask your email platform's support.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 4,
        title: "Message too big for system",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email is bigger than the receiving system accepts. The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::MessageTooLarge,
            next_step: "Make the email smaller (link to files instead of attaching them, compress images) and resend.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 5,
        title: "System incorrectly configured",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving server is misconfigured and cannot accept this email. The address is probably fine.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 3,
        detail: 6,
        title: "Requested priority was changed",
        rfc: "RFC 6710",
        classes: "2.X.X",
        advice: Advice {
            meaning: "Not a failure: the email was accepted, but at a different priority than the one requested.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 0,
        title: "Other or undefined network or routing status",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "A network or routing problem between the mail servers stopped delivery. The address is probably fine.",
            disposition: Disposition::Soft,
            reason: Reason::Network,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 1,
        title: "No answer from host",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving server did not answer, so the email could not be handed over.",
            disposition: Disposition::Soft,
            reason: Reason::Network,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 2,
        title: "Bad connection",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The connection to the receiving server broke or timed out before the email was handed over.",
            disposition: Disposition::Soft,
            reason: Reason::Network,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 3,
        title: "Directory server failure",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "A lookup service (usually DNS) was unavailable, so the email could not be routed.",
            disposition: Disposition::Soft,
            reason: Reason::Network,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 4,
        title: "Unable to route",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "No mail route to the recipient's domain could be found; as a permanent failure this usually means the domain has no mail server.",
            disposition: Disposition::Hard,
            reason: Reason::DomainNotFound,
            next_step: "Check the domain for typos (gmial.com, .con); if it is right, ask the contact for a new address.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 5,
        title: "Mail system congestion",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiving mail system was congested and could not take the email right now.",
            disposition: Disposition::Soft,
            reason: Reason::RateLimited,
            next_step: "Nothing to fix on the address: retry later and send more slowly to this domain.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 6,
        title: "Routing loop detected",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email went round in a loop between servers (often a forwarding loop) and was stopped.",
            disposition: Disposition::Soft,
            reason: Reason::Network,
            next_step: "Retry in a few days; if it keeps looping, tell the contact their forwarding is misconfigured.",
        },
    },
    EnhancedDef {
        subject: 4,
        detail: 7,
        title: "Delivery time expired",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Delivery kept failing until the sending system gave up after retrying for too long.",
            disposition: Disposition::Soft,
            reason: Reason::Expired,
            next_step: "Nothing to fix on the address yet: retry in a few days; suppress if it keeps expiring for weeks.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 0,
        title: "Other or undefined protocol status",
        rfc: "RFC 3463",
        classes: "2.X.X / 4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The two mail servers had a technical problem talking to each other; it says nothing about the address.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 1,
        title: "Invalid command",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The sending system issued a command the receiver did not accept; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 2,
        title: "Syntax error",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The receiver could not understand a command from the sending system; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 3,
        title: "Too many recipients",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Too many recipients were in one delivery attempt; the receiver only takes so many at a time.",
            disposition: Disposition::Soft,
            reason: Reason::RateLimited,
            next_step: "Nothing to fix on the address: retry later; if it persists, ask your platform to send in smaller batches.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 4,
        title: "Invalid command arguments",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "A command from the sending system had values the receiver did not accept; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 5,
        title: "Wrong protocol version",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The two mail systems could not agree on a protocol version; it says nothing about the address.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 5,
        detail: 6,
        title: "Authentication Exchange line is too long",
        rfc: "RFC 4954",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Your sending system's login to its mail server failed because a login message was too long.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 0,
        title: "Other or undefined media error",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "Something in the email's content or format made it undeliverable; it says nothing about the address.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Check the email's format (attachments, encoding, broken HTML) and resend; keep the address.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 1,
        title: "Media not supported",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email contains a kind of content (such as an attachment type) the receiver does not support.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Remove or change the unsupported content (for example, link to the file) and resend; keep the address.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 2,
        title: "Conversion required and prohibited",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email had to be converted to be delivered, but conversion was not allowed.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Resend as a plain, standard email (UTF-8, no unusual encodings); keep the address.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 3,
        title: "Conversion required but not supported",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email had to be converted to be delivered, but a server on the way could not do it.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Resend as a plain, standard email (UTF-8, no unusual encodings); keep the address.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 4,
        title: "Conversion with loss performed",
        rfc: "RFC 3463",
        classes: "2.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email was delivered, but part of it was lost while converting it on the way.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do for the address; check the email renders correctly in common mail clients.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 5,
        title: "Conversion Failed",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "A server tried to convert the email so it could be delivered, and the conversion failed.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Resend as a plain, standard email (UTF-8, no unusual encodings); keep the address.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 6,
        title: "Message content not available",
        rfc: "RFC 4468",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email's content could not be fetched from where the sending system stored it.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 7,
        title: "Non-ASCII addresses not permitted for that sender/recipient",
        rfc: "RFC 6531",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The address contains accented or non-Latin characters, which this receiver does not accept.",
            disposition: Disposition::Hard,
            reason: Reason::Syntax,
            next_step: "Check the address for typos; if it is right, ask the contact for a plain-letters address.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 8,
        title: "UTF-8 string reply is required, but not permitted by the SMTP client",
        rfc: "RFC 6531",
        classes: "2.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiver needed to reply with international characters, but the sending system could not accept them.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 6,
        detail: 9,
        title: "UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected",
        rfc: "RFC 6531",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email's headers use international characters, which a server on the way could not pass on.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Resend with plain characters in the subject, sender name and headers; keep the address.",
        },
    },
    // The registry leaves X.6.10's sample text blank ("This is a duplicate of X.6.8 and is thus
    // deprecated"), so it carries X.6.8's title.
    EnhancedDef {
        subject: 6,
        detail: 10,
        title: "UTF-8 string reply is required, but not permitted by the SMTP client",
        rfc: "RFC 6531",
        classes: "2.X.X / 5.X.X",
        advice: Advice {
            meaning: "A deprecated duplicate of X.6.8: the receiver needed to reply with international characters the sender could not accept.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 0,
        title: "Other or undefined security status",
        rfc: "RFC 3463",
        classes: "2.X.X / 4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiver refused the email for a security or policy reason it did not name. The address is probably fine.",
            disposition: Disposition::Block,
            reason: Reason::Blocked,
            next_step: "Check your sending reputation and SPF, DKIM and DMARC, then resend; keep the address.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 1,
        title: "Delivery not authorized, message refused",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiver refused your email by policy: your server, domain or content is blocked, or you may not send to this recipient.",
            disposition: Disposition::Block,
            reason: Reason::Blocked,
            next_step: "Read the bounce text for a blocklist or policy link, fix the cause on your side, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 2,
        title: "Mailing list expansion prohibited",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The address is a mailing list that does not accept email from you.",
            disposition: Disposition::Block,
            reason: Reason::Blocked,
            next_step: "Stop sending to the list address, or ask the list owner to allow your sending address.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 3,
        title: "Security conversion required but not possible",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email had to be converted between security formats to be delivered, and that was not possible.",
            disposition: Disposition::Block,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 4,
        title: "Security features not supported",
        rfc: "RFC 3463",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email used security features (such as encryption) that could not be carried to the receiver.",
            disposition: Disposition::Block,
            reason: Reason::Other,
            next_step: "Resend without special security options (plain, unencrypted); keep the address.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 5,
        title: "Cryptographic failure",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "A signature or encryption on the email could not be checked because a key was missing or invalid.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check SPF, DKIM and DMARC for your domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 6,
        title: "Cryptographic algorithm not supported",
        rfc: "RFC 3463",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email was signed or encrypted with an algorithm the receiver does not support.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check SPF, DKIM and DMARC for your domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 7,
        title: "Message integrity failure",
        rfc: "RFC 3463",
        classes: "2.X.X / 4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email's signature no longer matched (it was altered on the way), so the receiver did not trust it.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check SPF, DKIM and DMARC for your domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 8,
        title: "Authentication credentials invalid",
        rfc: "RFC 4954",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending system could not log in to its mail server: the username or password was rejected.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 9,
        title: "Authentication mechanism is too weak",
        rfc: "RFC 4954",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending system's login method is weaker than its mail server allows.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 10,
        title: "Encryption Needed",
        rfc: "RFC 5248",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending system must turn on encryption (TLS) before it may log in to its mail server.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 11,
        title: "Encryption required for requested authentication mechanism",
        rfc: "RFC 4954",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending system's login method may only be used over an encrypted (TLS) connection.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 12,
        title: "A password transition is needed",
        rfc: "RFC 4954",
        classes: "4.X.X",
        advice: Advice {
            meaning: "Your sending system's mail server needs the account's password to be set up again for this login method.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 13,
        title: "User Account Disabled",
        rfc: "RFC 5248",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The account has been disabled by its provider (unpaid, abuse or closed); such accounts are often disabled for good.",
            disposition: Disposition::Hard,
            reason: Reason::MailboxDisabled,
            next_step: "Stop mailing it; if the contact matters, reach them another way and ask for a current address.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 14,
        title: "Trust relationship required",
        rfc: "RFC 5248",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The receiving server needs a configured trust arrangement with your sending system before it will accept this.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 15,
        title: "Priority Level is too low",
        rfc: "RFC 6710",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiver is only accepting higher-priority email right now, so it refused this one.",
            disposition: Disposition::Soft,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 16,
        title: "Message is too big for the specified priority",
        rfc: "RFC 6710",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The email is too big to be accepted at the priority it was sent with. The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::MessageTooLarge,
            next_step: "Make the email smaller (link to files instead of attaching them) and resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 17,
        title: "Mailbox owner has changed",
        rfc: "RFC 7293",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The mailbox has changed owner since your contact gave you the address; it now belongs to someone else.",
            disposition: Disposition::Hard,
            reason: Reason::Moved,
            next_step: "Remove this address; ask the contact for their current one.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 18,
        title: "Domain owner has changed",
        rfc: "RFC 7293",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The recipient's domain has changed owner since your contact gave you the address.",
            disposition: Disposition::Hard,
            reason: Reason::Moved,
            next_step: "Remove this address; ask the contact for their current one.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 19,
        title: "RRVS test cannot be completed",
        rfc: "RFC 7293",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The receiver could not check whether the mailbox changed owner, as your sending system asked it to.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Resend without the \"recipient valid since\" check, or ask your email platform; the address may be fine.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 20,
        title: "No passing DKIM signature found",
        rfc: "RFC 7372",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The receiver requires a valid DKIM signature, and your email had none that passed.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: set up DKIM signing for your From domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 21,
        title: "No acceptable DKIM signature found",
        rfc: "RFC 7372",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your email's DKIM signatures passed, but none was from a domain the receiver accepts.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: sign with DKIM for your own From domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 22,
        title: "No valid author-matched DKIM signature found",
        rfc: "RFC 7372",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your email had no valid DKIM signature matching the domain in its From address.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: sign with DKIM for the same domain as your From address, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 23,
        title: "SPF validation failed",
        rfc: "RFC 7372",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending server is not listed in your domain's SPF record, so the receiver refused the email.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: add your email platform to your domain's SPF record, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 24,
        title: "SPF validation error",
        rfc: "RFC 7372",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiver could not evaluate your domain's SPF record (it is broken or its DNS lookup failed).",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check your SPF record's syntax and DNS lookups, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 25,
        title: "Reverse DNS validation failed",
        rfc: "RFC 7372",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending server's IP address failed the receiver's reverse DNS (PTR) check.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: ask your email platform to give the sending IP a matching reverse DNS name.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 26,
        title: "Multiple authentication checks failed",
        rfc: "RFC 7372",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your email failed more than one authentication check (SPF, DKIM, DMARC and the like).",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check SPF, DKIM and DMARC for your domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 27,
        title: "Sender address has null MX",
        rfc: "RFC 7505",
        classes: "5.X.X",
        advice: Advice {
            meaning: "Your sending domain publishes a \"null MX\" (it cannot receive replies), so the receiver refused your email.",
            disposition: Disposition::Block,
            reason: Reason::Blocked,
            next_step: "Fix your sending domain: give it working MX records or send from a domain that receives mail.",
        },
    },
    // X.7.28 was registered from John Levine's mail-flood Internet-Draft, not from an RFC.
    EnhancedDef {
        subject: 7,
        detail: 28,
        title: "Mail flood detected",
        rfc: "draft-levine-mailbomb-header",
        classes: "4.X.X / 5.X.X",
        advice: Advice {
            meaning: "The receiver saw a flood of similar email from your sending and is refusing or delaying it.",
            disposition: Disposition::Block,
            reason: Reason::RateLimited,
            next_step: "Send more slowly and review list quality and complaint rates; retry later, keep the address.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 29,
        title: "ARC validation failure",
        rfc: "RFC 8617",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email's ARC authentication chain (added when mail is forwarded) failed validation.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check SPF, DKIM and DMARC for your domain, then resend.",
        },
    },
    EnhancedDef {
        subject: 7,
        detail: 30,
        title: "REQUIRETLS support required",
        rfc: "RFC 8689",
        classes: "5.X.X",
        advice: Advice {
            meaning: "The email demanded an encrypted path (REQUIRETLS) all the way, and a server on the way could not provide it.",
            disposition: Disposition::Block,
            reason: Reason::Other,
            next_step: "Resend without the REQUIRETLS option, or ask your email platform; the address is fine.",
        },
    },
];

/// Reply codes, sorted: the article's fifteen, the rest of RFC 5321 §4.2.2/§4.2.3, and the
/// RFC 4954 (SMTP AUTH) replies that show up in bounces. Titles are the standards' short text
/// without their parenthetical notes; `000` is the article's platform code.
pub const REPLY: &[ReplyDef] = &[
    ReplyDef {
        code: "000",
        title: "Domain name does not exist",
        rfc: "non-standard",
        advice: Advice {
            meaning: "Your email platform could not find the recipient's domain at all (a platform code, not a server reply).",
            disposition: Disposition::Hard,
            reason: Reason::DomainNotFound,
            next_step: "Check the domain for typos (gmial.com, .con); if it is right, ask the contact for a new address.",
        },
    },
    ReplyDef {
        code: "211",
        title: "System status, or system help reply",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "An informational reply about the server's status; not a bounce.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "214",
        title: "Help message",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "A help text from the server, meant for people; not a bounce.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "220",
        title: "<domain> Service ready",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server greeted the sender and was ready to talk; not a bounce.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "221",
        title: "<domain> Service closing transmission channel",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server closed the connection normally; not a bounce on its own.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "235",
        title: "Authentication Succeeded",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "Your sending system logged in to its mail server successfully; not a bounce.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "250",
        title: "Requested mail action okay, completed",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server accepted the email; not a failure.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "251",
        title: "User not local; will forward to <forward-path>",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The email was accepted and is being forwarded to the person's other address.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to fix now; consider asking the contact for their current address, since mail is forwarded.",
        },
    },
    ReplyDef {
        code: "252",
        title: "Cannot VRFY user, but will accept message and attempt delivery",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The server would not confirm the address but accepted the email anyway; not a failure.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    // RFC 4954 gives 334 no fixed text (it carries the base64 challenge); the title describes it.
    ReplyDef {
        code: "334",
        title: "Server challenge (AUTH continues)",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "A step in your sending system's login to its mail server; not a bounce.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "354",
        title: "Start mail input; end with <CRLF>.<CRLF>",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server was ready for the email's content; not a bounce.",
            disposition: Disposition::Unknown,
            reason: Reason::Other,
            next_step: "Nothing to do: this is not a failure, so keep the address.",
        },
    },
    ReplyDef {
        code: "421",
        title: "<domain> Service not available, closing transmission channel",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server was unavailable or too busy and closed the connection; a temporary condition.",
            disposition: Disposition::Soft,
            reason: Reason::Network,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    ReplyDef {
        code: "432",
        title: "A password transition is needed",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "Your sending system's mail server needs the account's password to be set up again for this login method.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    ReplyDef {
        code: "450",
        title: "Requested mail action not taken: mailbox unavailable",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The mailbox was temporarily unavailable (busy, or greylisting a new sender). The address is probably fine.",
            disposition: Disposition::Soft,
            reason: Reason::Other,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    ReplyDef {
        code: "451",
        title: "Requested action aborted: local error in processing",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server hit an error of its own and asked to try again later.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    ReplyDef {
        code: "452",
        title: "Requested action not taken: insufficient system storage",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server was out of storage (or over a limit) for now. The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    ReplyDef {
        code: "454",
        title: "Temporary authentication failure",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "A login or encryption step failed temporarily; some servers also use it for \"relay access denied\".",
            disposition: Disposition::Soft,
            reason: Reason::AuthFailure,
            next_step: "Retry later; if it persists, check your sending login and TLS settings with your email platform.",
        },
    },
    ReplyDef {
        code: "455",
        title: "Server unable to accommodate parameters",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiving server could not handle the options the email was sent with for now.",
            disposition: Disposition::Soft,
            reason: Reason::SystemError,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    ReplyDef {
        code: "500",
        title: "Syntax error, command unrecognized",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver did not recognise a command from the sending system; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    ReplyDef {
        code: "501",
        title: "Syntax error in parameters or arguments",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "A command from the sending system had badly formed values (sometimes a badly written address).",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Check both the sending and recipient addresses for typos; otherwise ask your email platform's support.",
        },
    },
    ReplyDef {
        code: "502",
        title: "Command not implemented",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver does not support a command the sending system used; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    ReplyDef {
        code: "503",
        title: "Bad sequence of commands",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The sending system issued commands in the wrong order; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    ReplyDef {
        code: "504",
        title: "Command parameter not implemented",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver does not support an option the sending system used; a technical fault, not an address problem.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    ReplyDef {
        code: "521",
        title: "Host does not accept mail",
        rfc: "RFC 7504",
        advice: Advice {
            meaning: "The receiving server says it never accepts email at all (RFC 7504); mail for this domain cannot be delivered.",
            disposition: Disposition::Hard,
            reason: Reason::DomainNotFound,
            next_step: "Check the domain for typos; if it is right, the domain takes no email: find another address for the contact.",
        },
    },
    ReplyDef {
        code: "530",
        title: "Authentication required",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "The server requires your sending system to log in before it accepts email.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    ReplyDef {
        code: "534",
        title: "Authentication mechanism is too weak",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "Your sending system's login method is weaker than its mail server allows.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    ReplyDef {
        code: "535",
        title: "Authentication credentials invalid",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "Your sending system could not log in to its mail server: the username or password was rejected.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    ReplyDef {
        code: "538",
        title: "Encryption required for requested authentication mechanism",
        rfc: "RFC 4954",
        advice: Advice {
            meaning: "Your sending system's login method may only be used over an encrypted (TLS) connection.",
            disposition: Disposition::Block,
            reason: Reason::AuthFailure,
            next_step: "Fix your sending: check the username, password and login method your sending system uses.",
        },
    },
    ReplyDef {
        code: "550",
        title: "Requested action not taken: mailbox unavailable",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver refused the address; most often the mailbox does not exist, though some servers also use 550 for policy blocks.",
            disposition: Disposition::Hard,
            reason: Reason::Other,
            next_step: "Check the address for typos; if it is right, ask the contact for a new one and remove this one.",
        },
    },
    ReplyDef {
        code: "551",
        title: "User not local; please try <forward-path>",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The person is no longer at this address; the server may name another address to try.",
            disposition: Disposition::Hard,
            reason: Reason::Moved,
            next_step: "Update the contact to the address the bounce suggests, or ask them for their current one.",
        },
    },
    ReplyDef {
        code: "552",
        title: "Requested mail action aborted: exceeded storage allocation",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The recipient's mailbox is over its storage limit (or the email is too big). The address is fine.",
            disposition: Disposition::Soft,
            reason: Reason::MailboxFull,
            next_step: "Nothing to fix on the address: retry in a few days; suppress if it keeps failing for weeks.",
        },
    },
    ReplyDef {
        code: "553",
        title: "Requested action not taken: mailbox name not allowed",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver refused the address as not allowed, usually because it is badly written.",
            disposition: Disposition::Hard,
            reason: Reason::Syntax,
            next_step: "Correct the address in your list; if you cannot tell what it should be, ask the contact.",
        },
    },
    ReplyDef {
        code: "554",
        title: "Transaction failed",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver refused the email outright; most often a policy, spam or reputation block against the sender.",
            disposition: Disposition::Block,
            reason: Reason::Blocked,
            next_step: "Read the bounce text for the cause (blocklist, content, policy), fix it on your side, then resend.",
        },
    },
    ReplyDef {
        code: "555",
        title: "MAIL FROM/RCPT TO parameters not recognized or not implemented",
        rfc: "RFC 5321",
        advice: Advice {
            meaning: "The receiver did not accept options the sending system attached to the addresses; a technical fault.",
            disposition: Disposition::Unknown,
            reason: Reason::Syntax,
            next_step: "Nothing to fix on the address: ask your email platform's support to check the sending setup.",
        },
    },
    ReplyDef {
        code: "556",
        title: "Domain does not accept mail",
        rfc: "RFC 7504",
        advice: Advice {
            meaning: "The recipient's domain publishes a null MX: it declares that it receives no email (RFC 7504).",
            disposition: Disposition::Hard,
            reason: Reason::DomainNotFound,
            next_step: "Check the domain for typos; if it is right, the domain takes no email: find another address for the contact.",
        },
    },
];

/// What to do next for each reason category, used when the verdict came from the server's
/// words rather than a code, and shown beside the code's own advice.
pub const REASON_STEPS: &[(Reason, &str)] = &[
    (
        Reason::UserUnknown,
        "Check the address for typos; if it is right, the person has probably moved on: ask them for a new address and remove this one.",
    ),
    (
        Reason::DomainNotFound,
        "Check the domain for typos (gmial.com, .con); if it is right the company or domain is gone: find a new address or remove.",
    ),
    (
        Reason::MailboxFull,
        "Nothing to fix on the address: retry in a few days; suppress only if it stays full for weeks.",
    ),
    (
        Reason::MailboxDisabled,
        "The account is switched off, usually for good: ask the contact for a current address, or remove after a last retry.",
    ),
    (
        Reason::MessageTooLarge,
        "Send a smaller email (link to large files instead of attaching them); the address is fine.",
    ),
    (
        Reason::Blocked,
        "The address is probably fine: check your sending IP and domain against blocklists, fix the cause, then resend.",
    ),
    (
        Reason::SpamContent,
        "The address is probably fine: review the content, links and attachments that triggered the filter, then resend.",
    ),
    (
        Reason::AuthFailure,
        "Fix your sending setup: check SPF, DKIM and DMARC (and reverse DNS) for your domain, then resend.",
    ),
    (
        Reason::RateLimited,
        "Send more slowly to this provider and resend later; the address is fine.",
    ),
    (
        Reason::Expired,
        "Delivery gave up after retrying: resend later; if it keeps expiring, check the receiving domain is still alive.",
    ),
    (
        Reason::Network,
        "A connection problem between servers: retry later; the address is probably fine.",
    ),
    (
        Reason::Syntax,
        "The address is malformed: correct it (stray spaces, commas, missing parts) or ask the contact for it again.",
    ),
    (
        Reason::SystemError,
        "The receiving system had a fault: retry later; the address is probably fine.",
    ),
    (
        Reason::RelayDenied,
        "The receiving server does not accept mail for this address: check the domain is right and its mail is still hosted there.",
    ),
    (
        Reason::Moved,
        "The person has moved on: ask a colleague or the contact for the new address; remove this one.",
    ),
    (
        Reason::OptedOut,
        "Never mail this address again unless the person opts back in.",
    ),
    (
        Reason::Complaint,
        "Never mail this address again; review why people complain (frequency, consent, content).",
    ),
    (
        Reason::Other,
        "Read the server's text for clues; if nothing helps, retry once and remove the address if it bounces again.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    const CLASS_PARTS: [&str; 3] = ["2.X.X", "4.X.X", "5.X.X"];

    fn enhanced(subject: u8, detail: u16) -> Option<&'static EnhancedDef> {
        ENHANCED
            .iter()
            .find(|e| e.subject == subject && e.detail == detail)
    }

    fn reply(code: &str) -> Option<&'static ReplyDef> {
        REPLY.iter().find(|r| r.code == code)
    }

    fn parse_article_enhanced(code: &str) -> (u8, u8, u16) {
        let mut parts = code.split('.');
        let class = parts.next().and_then(|p| p.parse().ok()).expect("class");
        let subject = parts.next().and_then(|p| p.parse().ok()).expect("subject");
        let detail = parts.next().and_then(|p| p.parse().ok()).expect("detail");
        assert!(parts.next().is_none(), "{code} has more than three parts");
        (class, subject, detail)
    }

    fn check_advice(what: &str, advice: &Advice) {
        for (field, text) in [("meaning", advice.meaning), ("next_step", advice.next_step)] {
            assert!(!text.trim().is_empty(), "{what}: empty {field}");
            assert_eq!(text, text.trim(), "{what}: {field} has stray whitespace");
            assert!(
                text.chars().count() <= 160,
                "{what}: {field} is longer than 160 characters"
            );
            assert!(
                text.ends_with('.'),
                "{what}: {field} should be a full sentence"
            );
        }
    }

    #[test]
    fn enhanced_is_sorted_without_duplicates() {
        for pair in ENHANCED.windows(2) {
            assert!(
                (pair[0].subject, pair[0].detail) < (pair[1].subject, pair[1].detail),
                "X.{}.{} is not strictly before X.{}.{}",
                pair[0].subject,
                pair[0].detail,
                pair[1].subject,
                pair[1].detail
            );
        }
    }

    #[test]
    fn enhanced_covers_the_whole_registry() {
        // Highest registered detail per subject 0–7 (IANA registry, X.0.0 … X.7.30), with no
        // gaps in between.
        let last = [0u16, 10, 4, 6, 7, 6, 10, 30];
        let expected: usize = last.iter().map(|&d| usize::from(d) + 1).sum();
        assert_eq!(ENHANCED.len(), expected);
        for (subject, &max) in (0u8..).zip(last.iter()) {
            for detail in 0..=max {
                assert!(
                    enhanced(subject, detail).is_some(),
                    "X.{subject}.{detail} is missing"
                );
            }
        }
        assert!(ENHANCED.iter().all(|e| e.subject <= 7 && e.detail <= 999));
    }

    #[test]
    fn every_subject_has_a_catch_all() {
        for subject in 0..=7 {
            assert!(enhanced(subject, 0).is_some(), "X.{subject}.0 is missing");
        }
    }

    #[test]
    fn enhanced_fields_are_well_formed() {
        for e in ENHANCED {
            let what = format!("X.{}.{}", e.subject, e.detail);
            assert!(!e.title.trim().is_empty(), "{what}: empty title");
            assert!(
                e.rfc.starts_with("RFC ") || e.rfc.starts_with("draft-"),
                "{what}: reference {:?} is not an RFC or draft",
                e.rfc
            );
            let parts: Vec<&str> = e.classes.split(" / ").collect();
            assert!(!parts.is_empty(), "{what}: no classes");
            assert!(
                parts.iter().all(|p| CLASS_PARTS.contains(p)),
                "{what}: bad classes {:?}",
                e.classes
            );
            assert!(
                parts.windows(2).all(|w| w[0] < w[1]),
                "{what}: classes {:?} not in order",
                e.classes
            );
            check_advice(&what, &e.advice);
        }
    }

    #[test]
    fn registry_references_spot_checks() {
        let cases: [(u8, u16, &str, &str); 10] = [
            (1, 10, "RFC 7505", "Recipient address has null MX"),
            (3, 6, "RFC 6710", "Requested priority was changed"),
            (5, 6, "RFC 4954", "Authentication Exchange line is too long"),
            (7, 8, "RFC 4954", "Authentication credentials invalid"),
            (7, 10, "RFC 5248", "Encryption Needed"),
            (7, 17, "RFC 7293", "Mailbox owner has changed"),
            (7, 26, "RFC 7372", "Multiple authentication checks failed"),
            (7, 27, "RFC 7505", "Sender address has null MX"),
            (7, 29, "RFC 8617", "ARC validation failure"),
            (7, 30, "RFC 8689", "REQUIRETLS support required"),
        ];
        for (subject, detail, rfc, title) in cases {
            let e = enhanced(subject, detail).expect("present");
            assert_eq!(e.rfc, rfc, "X.{subject}.{detail}");
            assert_eq!(e.title, title, "X.{subject}.{detail}");
        }
    }

    #[test]
    fn article_enhanced_codes_exist_in_registry() {
        assert_eq!(ARTICLE_ENHANCED.len(), 48);
        for row in ARTICLE_ENHANCED {
            let (class, subject, detail) = parse_article_enhanced(row.code);
            assert_eq!(class, 5, "{}: the article's table is all class 5", row.code);
            assert!(
                enhanced(subject, detail).is_some(),
                "{} is not in ENHANCED",
                row.code
            );
            assert!(!row.common_reason.trim().is_empty(), "{}", row.code);
            assert!(!row.common_reason.contains('|'), "{}", row.code);
        }
    }

    #[test]
    fn article_enhanced_codes_are_listed_in_class_5() {
        // 5.1.5 "destination address valid" is a success code in the registry; every other
        // article row must show up as a 5.X.X entry in the reference.
        for row in ARTICLE_ENHANCED.iter().filter(|r| r.code != "5.1.5") {
            let (_, subject, detail) = parse_article_enhanced(row.code);
            let def = enhanced(subject, detail).expect("present");
            assert!(
                def.classes.contains("5.X.X"),
                "{} is not listed for class 5",
                row.code
            );
        }
    }

    #[test]
    fn article_reply_codes_exist_in_reply() {
        assert_eq!(ARTICLE_REPLY.len(), 15);
        for row in ARTICLE_REPLY {
            assert!(reply(row.code).is_some(), "{} is not in REPLY", row.code);
            assert!(!row.common_reason.trim().is_empty(), "{}", row.code);
            assert!(!row.common_reason.contains('|'), "{}", row.code);
        }
    }

    #[test]
    fn article_rows_are_verbatim() {
        let find = |rows: &[ArticleRow], code: &str| {
            rows.iter()
                .find(|r| r.code == code)
                .map(|r| r.common_reason)
        };
        assert_eq!(
            find(ARTICLE_REPLY, "551"),
            Some("User not local; please try")
        );
        assert_eq!(
            find(ARTICLE_REPLY, "000"),
            Some("Domain name does not exist")
        );
        assert_eq!(
            find(ARTICLE_ENHANCED, "5.2.3"),
            Some("Message length exceeds administrative limit.")
        );
        assert_eq!(
            find(ARTICLE_ENHANCED, "5.0.0"),
            Some("Email address does not exist")
        );
    }

    #[test]
    fn reply_is_sorted_unique_three_digits() {
        for r in REPLY {
            assert_eq!(r.code.len(), 3, "{:?}", r.code);
            assert!(r.code.bytes().all(|b| b.is_ascii_digit()), "{:?}", r.code);
            assert!(
                crate::codes::ReplyCode::parse(r.code).is_some(),
                "{} is not a valid reply code",
                r.code
            );
            assert!(!r.title.trim().is_empty(), "{}: empty title", r.code);
            assert!(!r.rfc.trim().is_empty(), "{}: empty rfc", r.code);
            check_advice(r.code, &r.advice);
        }
        for pair in REPLY.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} is not strictly before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn classes_match_the_article() {
        let titles: Vec<(u8, &str)> = CLASSES.iter().map(|c| (c.class, c.title)).collect();
        assert_eq!(
            titles,
            [
                (2, "Success"),
                (4, "Persistent Transient Failure"),
                (5, "Permanent Failure"),
            ]
        );
        assert!(CLASSES.iter().all(|c| !c.meaning.trim().is_empty()));
    }

    #[test]
    fn key_dispositions_follow_the_guide() {
        let d = |s, det| {
            let a = enhanced(s, det).expect("present").advice;
            (a.disposition, a.reason)
        };
        assert_eq!(d(0, 0), (Disposition::Hard, Reason::Other));
        assert_eq!(d(1, 1), (Disposition::Hard, Reason::UserUnknown));
        assert_eq!(d(1, 2), (Disposition::Hard, Reason::DomainNotFound));
        assert_eq!(d(2, 1), (Disposition::Hard, Reason::MailboxDisabled));
        assert_eq!(d(2, 2), (Disposition::Soft, Reason::MailboxFull));
        assert_eq!(d(2, 3), (Disposition::Soft, Reason::MessageTooLarge));
        assert_eq!(d(3, 4), (Disposition::Soft, Reason::MessageTooLarge));
        assert_eq!(d(4, 7), (Disposition::Soft, Reason::Expired));
        assert_eq!(d(7, 1), (Disposition::Block, Reason::Blocked));
        assert_eq!(d(7, 26), (Disposition::Block, Reason::AuthFailure));
        for (s, det) in [(1, 7), (1, 8), (7, 27)] {
            assert_eq!(
                d(s, det).0,
                Disposition::Block,
                "X.{s}.{det} is sender-side"
            );
        }
        let r = |code| {
            let a = reply(code).expect("present").advice;
            (a.disposition, a.reason)
        };
        assert_eq!(r("000"), (Disposition::Hard, Reason::DomainNotFound));
        assert_eq!(r("550"), (Disposition::Hard, Reason::Other));
        assert_eq!(r("551"), (Disposition::Hard, Reason::Moved));
        assert_eq!(r("554"), (Disposition::Block, Reason::Blocked));
        for code in ["421", "450", "451", "452"] {
            assert_eq!(r(code).0, Disposition::Soft, "{code}");
        }
        for code in ["211", "220", "250", "354"] {
            assert_eq!(r(code).0, Disposition::Unknown, "{code}");
        }
    }
}
