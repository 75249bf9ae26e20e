//! Bounce texts modelled on what real receiving servers and sending platforms write.
//!
//! `{name}` placeholders are filled per row (see `Var` in `main.rs`): `{email}`, `{local}`,
//! `{domain}`, `{mx}` (the recipient's mail host), `{ip}` (a random documentation address),
//! `{sip}` and `{sdom}` (the sender's IP and domain, fixed per file), `{esp}` (the sender's
//! outbound host), `{gid}` (a Gmail trace id), `{msrv}` / `{mshex}` (Microsoft front-end and
//! id), `{ts}` (the row's date as ISO 8601), `{ymta}` (a Yahoo MTA), `{ydd}` (Yahoo's `[0]` or
//! `[-5]`), `{mcid}` (a Mimecast reference), `{oid}` (an Orange trace id), `{n2}`, `{n5}` (random
//! numbers), `{days}`, `{size}`, `{name}` (the person's full name) and `{alt}` (another mailbox
//! at the same domain).

/// Which receiving system writes a text; a recipient's domain decides which family is likely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Gmail,
    Microsoft,
    Yahoo,
    Apple,
    Comcast,
    Gmx,
    Orange,
    Mimecast,
    Proofpoint,
    Postfix,
    Exim,
    Exchange,
    /// Wording of sending platforms (SES, SendGrid, Mailgun, Postmark) and bare codes.
    Generic,
    /// The recipient's domain does not exist or has no mail server.
    NoDomain,
}

/// One bounce text.
pub struct Template {
    pub family: Family,
    /// Relative weight within its family.
    pub weight: u64,
    /// The three-digit reply code in the text, or "".
    pub reply: &'static str,
    /// The enhanced status code in the text, or "".
    pub status: &'static str,
    pub text: &'static str,
}

const fn t(
    family: Family,
    weight: u64,
    reply: &'static str,
    status: &'static str,
    text: &'static str,
) -> Template {
    Template {
        family,
        weight,
        reply,
        status,
        text,
    }
}

use Family::*;

/// The single-line bounce texts.
#[rustfmt::skip]
pub const TEMPLATES: &[Template] = &[
    // Gmail and Google Workspace.
    t(Gmail, 8, "550", "5.1.1", "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {gid} - gsmtp"),
    t(Gmail, 4, "550", "5.1.1", "smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser {gid} - gsmtp"),
    t(Gmail, 2, "550", "5.1.1", "host {mx}[{ip}] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. {gid} - gsmtp (in reply to RCPT TO command)"),
    t(Gmail, 4, "452", "4.2.2", "452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to 452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp {gid} - gsmtp"),
    t(Gmail, 2, "550", "5.2.1", "550-5.2.1 The email account that you tried to reach is disabled. Learn more at 550 5.2.1  https://support.google.com/mail/?p=DisabledUser {gid} - gsmtp"),
    t(Gmail, 3, "550", "5.7.26", "550-5.7.26 Unauthenticated email from {sdom} is not accepted due to domain's DMARC policy. Please contact the administrator of {sdom} domain if this was a legitimate mail. To learn about the DMARC initiative, go to 550 5.7.26  https://support.google.com/mail/?p=DmarcRejection {gid} - gsmtp"),
    t(Gmail, 2, "550", "5.7.1", "550-5.7.1 [{sip}      12] Our system has detected that this message is 550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail, 550-5.7.1 this message has been blocked. {gid} - gsmtp"),
    t(Gmail, 2, "421", "4.7.28", "421-4.7.28 [{sip}      15] Gmail has detected an unusual rate of unsolicited mail originating from your DKIM domain [{sdom}      15]. To protect our users from spam, mail sent from your domain has been temporarily rate limited. {gid} - gsmtp"),
    t(Gmail, 1, "552", "5.2.3", "552-5.2.3 Your message exceeded Google's message size limits. Please visit 552 5.2.3  https://support.google.com/mail/?p=MaxSizeError to view our size guidelines. {gid} - gsmtp"),
    t(Gmail, 2, "421", "4.7.0", "421-4.7.0 Try again later, closing connection. (EHLO) {gid} - gsmtp"),
    t(Gmail, 1, "550", "5.7.25", "550-5.7.25 [{sip}] The IP address sending this message does not have a 550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not 550-5.7.25 point to the sending IP. {gid} - gsmtp"),
    t(Gmail, 40, "550", "5.1.1", "550 5.1.1 The email account that you tried to reach does not exist."),
    t(Gmail, 8, "452", "4.2.2", "452 4.2.2 The recipient's inbox is out of storage space."),
    t(Gmail, 4, "550", "5.2.1", "550 5.2.1 The email account that you tried to reach is disabled."),
    t(Gmail, 2, "550", "5.7.26", "550 5.7.26 Unauthenticated email from {sdom} is not accepted due to domain's DMARC policy."),
    // Outlook.com, Hotmail and Microsoft 365.
    t(Microsoft, 25, "550", "5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient {email} not found by SMTP address lookup"),
    t(Microsoft, 8, "550", "5.1.10", "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'"),
    t(Microsoft, 6, "550", "", "550 Requested action not taken: mailbox unavailable"),
    t(Microsoft, 12, "550", "5.5.0", "550 5.5.0 Requested action not taken: mailbox unavailable."),
    t(Microsoft, 4, "550", "5.4.1", "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) For more information see https://aka.ms/EXOSmtpErrors [{msrv} {ts} {mshex}]"),
    t(Microsoft, 5, "554", "5.2.2", "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception"),
    t(Microsoft, 3, "550", "5.7.606", "550 5.7.606 Access denied, banned sending IP [{sip}]. To request removal from this list please visit https://sender.office.com/ and follow the directions."),
    t(Microsoft, 3, "550", "5.7.1", "550 5.7.1 Unfortunately, messages from [{sip}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). [{msrv} {ts} {mshex}]"),
    t(Microsoft, 3, "550", "5.7.509", "550 5.7.509 Access denied, sending domain {sdom} does not pass DMARC verification and has a DMARC policy of reject. [{msrv} {ts} {mshex}]"),
    t(Microsoft, 2, "451", "4.7.650", "451 4.7.650 The mail server [{sip}] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://postmaster.live.com (S775)"),
    t(Microsoft, 1, "451", "4.4.0", "451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection dropped due to SocketError.\" Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was {ip}:25"),
    t(Microsoft, 2, "554", "4.4.7", "554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.0 Unable to lookup DNS for domain>"),
    t(Microsoft, 1, "550", "5.3.4", "550 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum size for route"),
    // Yahoo and AOL.
    t(Yahoo, 30, "554", "", "554 delivery error: dd This user doesn't have a {domain} account ({email}) {ydd} - {ymta}"),
    t(Yahoo, 8, "554", "", "554 delivery error: dd Sorry your message to {email} cannot be delivered. This account is over quota. - {ymta}"),
    t(Yahoo, 4, "554", "", "554 delivery error: dd Sorry your message to {email} cannot be delivered. This mailbox is disabled (554.30). - {ymta}"),
    t(Yahoo, 4, "421", "4.7.0", "host {mx}[{ip}] said: 421 4.7.0 [TSS04] Messages from {sip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command)"),
    t(Yahoo, 2, "553", "5.7.2", "553 5.7.2 [TSS09] All messages from {sip} will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes"),
    t(Yahoo, 3, "550", "5.7.9", "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = FAIL, SPF = SOFTFAIL"),
    t(Yahoo, 4, "552", "", "552 1 Requested mail action aborted, mailbox not found"),
    t(Yahoo, 2, "554", "5.7.9", "554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes"),
    // iCloud.
    t(Apple, 20, "550", "5.1.1", "550 5.1.1 <{email}>: user does not exist"),
    t(Apple, 6, "552", "5.2.2", "552 5.2.2 <{email}>: user is over quota"),
    t(Apple, 3, "554", "5.7.1", "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137"),
    // Comcast.
    t(Comcast, 20, "550", "5.1.1", "550 5.1.1 <{email}> Not our Customer"),
    t(Comcast, 4, "554", "", "554 resimta-po-{n2}v.sys.comcast.net comcast {sip} found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001"),
    t(Comcast, 3, "421", "", "421 resimta-po-{n2}v.sys.comcast.net comcast {sip} Comcast throttled. Too many connections. Please see https://postmaster.comcast.net/smtp-error-codes.php#RL000001"),
    // GMX and WEB.DE.
    t(Gmx, 20, "550", "5.1.1", "550 5.1.1 <{email}>... Mailbox unavailable"),
    t(Gmx, 8, "550", "", "550 Requested action not taken: mailbox unavailable / Mailbox not found"),
    t(Gmx, 5, "552", "", "552-Requested mail action aborted: exceeded storage allocation 552 mailbox is full: Blocks limit exceeded"),
    t(Gmx, 3, "554", "", "554-gmx.net (mxgmx116) Nemesis ESMTP Service not available 554-No SMTP service 554-Reject due to policy restrictions. 554 For explanation visit https://postmaster.gmx.net/en/case?c=hi&i=ip&v={sip}&r=1N2pFx-{n5}"),
    // Orange.
    t(Orange, 20, "550", "5.1.1", "550 5.1.1 {oid} Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]"),
    t(Orange, 6, "552", "5.1.1", "552 5.1.1 {oid} Boite du destinataire pleine. Recipient overquota. OFR_417 [417]"),
    t(Orange, 3, "550", "", "550 mwinf5c{n2} ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip={sip} [102]"),
    t(Orange, 2, "421", "", "421 mwinf5c{n2} ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]"),
    // Mimecast.
    t(Mimecast, 20, "550", "", "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [{mcid}]"),
    t(Mimecast, 4, "550", "", "550 Administrative prohibition - envelope blocked - https://community.mimecast.com/docs/DOC-1369#550 [{mcid}]"),
    t(Mimecast, 3, "550", "", "550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550 [{mcid}]"),
    t(Mimecast, 2, "451", "", "451 Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451 [{mcid}]"),
    t(Mimecast, 1, "554", "", "554 Virus signature detected - https://community.mimecast.com/docs/DOC-1369#554 [{mcid}]"),
    // Proofpoint.
    t(Proofpoint, 10, "550", "5.1.1", "host {mx}[{ip}] said: 550 5.1.1 <{email}>... User Unknown (in reply to RCPT TO command)"),
    t(Proofpoint, 5, "554", "5.7.1", "554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip={sip}"),
    t(Proofpoint, 3, "554", "5.7.1", "554 5.7.1 Message rejected as spam by Content Filtering."),
    t(Proofpoint, 2, "421", "4.7.0", "421 4.7.0 {mx} Error: too many connections from {sip}"),
    // Postfix.
    t(Postfix, 25, "550", "5.1.1", "host {mx}[{ip}] said: 550 5.1.1 <{email}>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)"),
    t(Postfix, 10, "550", "5.1.1", "host {mx}[{ip}] said: 550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)"),
    t(Postfix, 8, "552", "5.2.2", "host {mx}[{ip}] said: 552 5.2.2 <{email}>: Recipient address rejected: Mailbox full (in reply to RCPT TO command)"),
    t(Postfix, 4, "550", "5.2.1", "host {mx}[{ip}] said: 550 5.2.1 <{email}>: Recipient address rejected: account is inactive (in reply to RCPT TO command)"),
    t(Postfix, 3, "554", "5.7.1", "host {mx}[{ip}] said: 554 5.7.1 <{email}>: Relay access denied (in reply to RCPT TO command)"),
    t(Postfix, 4, "554", "5.7.1", "host {mx}[{ip}] said: 554 5.7.1 Service unavailable; Client host [{sip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{sip} (in reply to RCPT TO command)"),
    t(Postfix, 3, "", "", "connect to {mx}[{ip}]:25: Connection timed out"),
    t(Postfix, 2, "", "", "connect to {mx}[{ip}]:25: Connection refused"),
    t(Postfix, 3, "450", "4.7.1", "host {mx}[{ip}] said: 450 4.7.1 <{email}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{domain}.html (in reply to RCPT TO command)"),
    t(Postfix, 2, "451", "4.3.0", "host {mx}[{ip}] said: 451 4.3.0 <{email}>: Temporary lookup failure (in reply to RCPT TO command)"),
    t(Postfix, 2, "", "4.4.7", "dsn=4.4.7, status=expired, returned to sender: message was not delivered within {days} days"),
    t(Postfix, 2, "554", "5.7.0", "host {mx}[{ip}] said: 554 5.7.0 Reject, id={n5}-05 - spam (in reply to end of DATA command)"),
    t(Postfix, 1, "501", "5.1.3", "host {mx}[{ip}] said: 501 5.1.3 Bad recipient address syntax (in reply to RCPT TO command)"),
    t(Postfix, 1, "550", "5.7.23", "host {mx}[{ip}] said: 550 5.7.23 <{email}>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=news@{sdom};ip={sip};r={email} (in reply to RCPT TO command)"),
    t(Postfix, 1, "", "", "message size {size} exceeds size limit 20480000 of server {mx}[{ip}]"),
    t(Postfix, 12, "550", "5.1.1", "550 5.1.1 <{email}>: Recipient address rejected: User unknown in local recipient table"),
    t(Postfix, 3, "452", "4.2.2", "452 4.2.2 <{email}>: Recipient address rejected: Mailbox full"),
    // Exim.
    t(Exim, 20, "550", "", "SMTP error from remote mail server after RCPT TO:<{email}>: host {mx} [{ip}]: 550 No Such User Here"),
    t(Exim, 6, "550", "", "** {email} <{email}>: 550 Unknown user"),
    t(Exim, 3, "", "", "{email}: mailbox is full (MTA-imposed quota exceeded while writing to file /var/mail/{domain}/{local}/new/17{n5}.H{n5}P{n2}.srv{n2}.hosting.example)"),
    t(Exim, 4, "", "", "host {mx} [{ip}]: Connection timed out: retry timeout exceeded"),
    t(Exim, 3, "550", "", "SMTP error from remote mail server after end of data: 550-Message rejected because it appears to be spam 550 (SpamAssassin score 14.2, required 5.0)"),
    t(Exim, 2, "550", "", "550 Administrative prohibition"),
    t(Exim, 2, "421", "4.4.2", "SMTP error from remote mail server after initial connection: 421 4.4.2 {mx} Error: timeout exceeded"),
    // Exchange on premises.
    t(Exchange, 20, "550", "5.1.1", "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"),
    t(Exchange, 6, "550", "5.1.1", "Diagnostic information for administrators: Generating server: EXCH01.{domain} Sent: {ts} {email} #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"),
    t(Exchange, 5, "452", "4.2.2", "452 4.2.2 The recipient's mailbox is full and can't accept messages now. Please try resending this message later, or contact the recipient directly."),
    t(Exchange, 3, "554", "4.4.7", "554 4.4.7 Message expired <421 4.4.2 Connection timed out>"),
    t(Exchange, 3, "550", "5.7.1", "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"),
    t(Exchange, 2, "550", "4.4.7", "550 4.4.7 QUEUE.Expired; message expired"),
    t(Exchange, 2, "", "", "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk."),
    t(Exchange, 2, "550", "5.7.54", "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"),
    // Sending platforms and bare codes.
    t(Generic, 10, "550", "5.1.1", "smtp; 550 5.1.1 user unknown"),
    t(Generic, 1, "", "", "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address. For more information about how to remove an address from the suppression list, see the Amazon SES Developer Guide: https://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html"),
    t(Generic, 3, "550", "5.1.1", "{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"{email}\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]}"),
    t(Generic, 3, "", "", "Mailbox does not exist"),
    t(Generic, 3, "", "", "User unknown"),
    t(Generic, 5, "550", "", "550 User unknown"),
    t(Generic, 2, "", "", "Mailbox full"),
    t(Generic, 4, "552", "5.2.2", "552 5.2.2 Mailbox full"),
    t(Generic, 5, "550", "5.1.1", "550 5.1.1 Recipient address rejected: User unknown"),
    t(Generic, 5, "550", "5.2.1", "550 5.2.1 Mailbox disabled, not accepting messages"),
    t(Generic, 3, "550", "5.1.6", "550 5.1.6 Recipient mailbox has moved, no forwarding address"),
    t(Generic, 1, "", "", "{name} is no longer with the company. Please direct all inquiries to info@{domain}."),
    t(Generic, 5, "452", "4.2.2", "Transient bounce (MailboxFull): smtp; 452 4.2.2 Mailbox full"),
    t(Generic, 4, "", "5.4.7", "5.4.7 Delivery time expired"),
    t(Generic, 2, "", "", "Undeliverable"),
    t(Generic, 3, "550", "5.7.1", "550 550 5.7.1 SPF unauthorized mail is prohibited."),
    t(Generic, 4, "550", "5.7.1", "550 5.7.1 Delivery not authorized, message refused"),
    t(Generic, 3, "554", "", "Permanent bounce (ContentRejected): smtp; 554 Message rejected: Email content flagged as spam by the receiving server"),
    t(Generic, 3, "550", "5.1.1", "Action: failed Status: 5.0.0 Remote-MTA: dns; {mx} Diagnostic-Code: smtp; 550 5.1.1 <{email}>... User unknown"),
    t(Generic, 2, "553", "5.7.1", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"),
    t(Generic, 2, "550", "5.1.1", "550 5.1.1 No such user - psmtp"),
    t(Generic, 1, "", "", "Not delivering to previously bounced address"),
    t(Generic, 2, "421", "4.7.0", "This message was not delivered within {days} days and has been returned. Last error: 421 4.7.0 Try again later, closing connection."),
    t(Generic, 1, "", "", "The server was unable to deliver your message (ex: unknown user, mailbox not found)."),
    t(Generic, 2, "553", "", "553 Requested action not taken: mailbox name not allowed"),
    t(Generic, 2, "551", "5.1.6", "551 5.1.6 User has moved; please try <{alt}@{domain}>"),
    t(Generic, 1, "552", "5.3.4", "552 5.3.4 Message size exceeds fixed maximum message size"),
    t(Generic, 2, "451", "4.7.1", "451 4.7.1 Greylisting in action, please come back later"),
    t(Generic, 2, "550", "", "550"),
    t(Generic, 1, "", "5.1.1", "5.1.1"),
    // No such domain, or no mail server for it.
    t(NoDomain, 10, "", "", "Host or domain name not found. Name service error for name={domain} type=MX: Host not found"),
    t(NoDomain, 5, "000", "", "Domain name does not exist"),
    t(NoDomain, 5, "554", "5.4.4", "554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain"),
    t(NoDomain, 4, "", "", "DNS lookup failed: NXDOMAIN for {domain}"),
    t(NoDomain, 3, "", "5.4.4", "dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name={domain} type=AAAA: Host not found)"),
    t(NoDomain, 3, "", "", "No MX for {domain}"),
    t(NoDomain, 2, "550", "5.1.2", "550 5.1.2 <{email}>... Host unknown (Name server: {domain}: host not found)"),
    t(NoDomain, 2, "556", "5.1.10", "556 5.1.10 Recipient address has null MX"),
    t(NoDomain, 2, "", "", "Domain not found"),
];

/// Whole bounce messages with line breaks, for about 0.1% of the rows.
#[rustfmt::skip]
pub const MULTILINE: &[Template] = &[
    t(Generic, 3, "550", "5.1.1", "Reporting-MTA: dns; {esp}\nFinal-Recipient: rfc822; {email}\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; {mx}\nDiagnostic-Code: smtp; 550 5.1.1 <{email}>: Recipient address rejected: User unknown in local recipient table"),
    t(Postfix, 2, "552", "5.2.2", "This is the mail system at host {esp}.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<{email}>: host {mx}[{ip}] said: 552 5.2.2\n    <{email}>: Recipient address rejected: Mailbox full (in reply to RCPT TO\n    command)"),
    t(Gmail, 2, "550", "5.1.1", "550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550-5.1.1 unnecessary spaces. Learn more at\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser {gid} - gsmtp"),
    t(Exim, 2, "550", "5.1.1", "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  {email}\n    host {mx} [{ip}]\n    SMTP error from remote mail server after RCPT TO:<{email}>:\n    550 5.1.1 User unknown"),
];
