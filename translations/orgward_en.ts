<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot %1 %2: %3. Choose another folder or file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restrict the permissions of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot stack costs by &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot stack usage by &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown usage metric &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL from %1 includes a password that shows in the process list and shell history. Use a connection profile instead (orgward db add NAME, then --db profile:NAME): its password stays in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward console. Run &apos;orgward --help&apos; for the headless commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL or profile:NAME (default: $ORGWARD_DB, else the user&apos;s data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor mode: open the database strictly read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization to show first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward</name>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far back the API still reaches is not known yet: no sync has read the whole audit log (orgward sync --audit-log-full).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API returned no events on the last full read (sync of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the 1 event stored before then exists only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; the %1 events stored before then exist only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API still returned events back to %1 on the last full read (sync of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; no stored event is older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; 1 older event exists only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 older events exist only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local copy: no audit events stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local copy: %1 – %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AsOfBar</name>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the organization as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an earlier date and time to see the organization as Orgward recorded it then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the organization as it is now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AsOfController</name>
    <message>
        <source>Orgward has no record of this organization yet: it has not been synced or imported since history began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward has no record of this organization before %1 (its first sync or import).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AsOfTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active in org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AuditPane</name>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter (Ctrl+F) — actor, project, type, IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading how far back the audit log reaches…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far back the audit log reaches could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All event types</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CertificatesModel</name>
    <message>
        <source>Days to expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active in org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active in projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CertificatesPane</name>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChangesFilterModel</name>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChangesModel</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward saw this at %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API or its audit log dates this %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known: no audit event or API date explains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity / name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happened at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence (audit events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChangesPane</name>
    <message>
        <source>This database is open read-only: a review mark is an entry in its journal, which cannot be written from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the first observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reviewed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Orgward&apos;s first sync or import of this organization until now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter — words match the entity, name, change, fields, evidence or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes by entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1) may not record access reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last review (marked %1 by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) between %1 and %2. Double-click one to see its pane as it was.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Orgward has no record of this organization before %1 (its first sync or import): changes are counted from then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 back after a removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — %n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export changes as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export of the changes is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n change(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Mark the %n change(s) of %1 between %2 and %3 as reviewed?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This adds an entry under your name to the tamper-evident journal; it cannot be changed or removed. &quot;Since the last review&quot; then starts at this moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review covers every change of the range, not only those the filter shows. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous review mark is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not mark the review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Marked reviewed by %1 at %2: %n change(s) of %3 from %4 to %5 (journal entry %6).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>From the last review mark (%1 by %2) until now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review has been marked for this organization yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for this organization&apos;s last review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison failed: there is nothing to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record in the tamper-evident journal that the changes of this range were reviewed (you are asked to confirm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChartBox</name>
    <message>
        <source>%1: empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ConnectDialog</name>
    <message>
        <source>Connect to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is read from the connection&apos;s secret store (set it with &apos;orgward db set-password NAME&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/db?sslmode=verify-full (no password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the connection profiles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This URL carries a password, which would then sit in plain text. Add a connection profile instead (&apos;orgward db add NAME …&apos; and &apos;orgward db set-password NAME&apos;): its password stays in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ConsolePane</name>
    <message>
        <source>The %1 pane has no table to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export of %1 is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CostsPane</name>
    <message>
        <source>Stack by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By line item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read costs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: &lt;b&gt;%1 %2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact sum of the cost line items in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No costs have been synced for this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No costs in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily cost (%1) and cumulative total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per day (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cumulative (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CursorsModel</name>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::DashboardPane</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top projects by cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys unused for 90+ days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates expiring within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invites pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members in no project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend controls and data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the spend controls: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1 (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2% vs the same point last month (%3 %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing spent by this point last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no costs this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no use (or never used) in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotate before they lapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet accepted, not expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active members outside every project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>press F5 to sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::DetailTableModel</name>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ExpiryTimeline</name>
    <message>
        <source>Certificate expiry timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates in this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::GroupsModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::GroupsPane</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups synced for this organization yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No roles synced for this organization yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::InvitesModel</name>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::KeysModel</name>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::KeysPane</name>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused 90+ days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned by removed members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::MainWindow</name>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation type="vanished">
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward — %1 — %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not determine the console role (%1): showing what a reader may see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled: the database was switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show sync &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Orgward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Orgward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Orgward&lt;/b&gt; %1&lt;br&gt;A console for OpenAI organizations: members, groups and roles, projects, keys, certificates, usage, costs and audit events, synced into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 role cannot open this pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixture snapshot: read as of its capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organization in %1 yet: import fixtures (orgward import DIR) or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pane shows %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only (auditor) mode: syncing is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 role cannot sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a fixture snapshot: import a newer snapshot instead of syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the admin key of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the admin key of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile for %1 in Settings (Ctrl+,) or set OPENAI_ADMIN_KEY to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, page %2, %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing (%1 of %2 endpoints): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 role cannot change organization profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 pane has no chart to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::MembersModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last key use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::MembersPane</name>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In no project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ProjectsModel</name>
    <message>
        <source>Cost month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ProjectsPane</name>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the controls: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a project to see its requests over the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completions requests per day, the 30 days up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completions requests per day, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::RolesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::SeriesTableModel</name>
    <message>
        <source>Period (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day total%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::Sparkline</name>
    <message>
        <source>Usage sparkline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no usage in this range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::SyncPane</name>
    <message>
        <source>Sync runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync or import has run for this organization yet (F5 syncs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see per-endpoint counts, errors and cursors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cursor positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cursor positions&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::SyncRunsModel</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts per endpoint:
%1
Errors:
%2
Cursors:
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::TablePane</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing here yet. Import fixtures or run a sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter (Ctrl+F) — words match any text column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset filter for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows match “%1”%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the organization as of %1 — not the present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the organization as of %1 — not the present. The selected row&apos;s details are as of the same instant; columns computed from other tables (counts, key use, cost) are left out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::UsagePane</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stack by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stacking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 usage has been synced for this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 usage grouped by %2 has been synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2, stacked by %3 (UTC buckets)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::detail</name>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::governance</name>
    <message>
        <source>Organization default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow list: none (no model allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny list: none (every model allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ui::OrgProfilesDialog</name>
    <message>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for the new vault %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for the vault %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no passphrase given for the vault %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrases differ; the vault %1 was not created. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile details are kept in %1. Admin keys are kept only in the keychain, an encrypted vault, or memory for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3, key in %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the profile “%1” and its stored admin key? Synced data stays in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test of %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>org-… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sk-admin-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted vault file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orgward vault (*.vault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User-agent tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the key in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the vault file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the admin key (it starts with sk-admin-).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
