<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/core/csvwriter.cpp" line="76"/>
        <source>Cannot %1 %2: %3. Choose another folder or file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/csvwriter.cpp" line="82"/>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/csvwriter.cpp" line="86"/>
        <source>restrict the permissions of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/csvwriter.cpp" line="94"/>
        <source>write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/core/csvwriter.cpp" line="100"/>
        <source>save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/costquery.cpp" line="70"/>
        <source>Cannot stack costs by &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/costquery.cpp" line="125"/>
        <location filename="../app/finance/usagequery.cpp" line="179"/>
        <location filename="../ui/chartpanes.cpp" line="103"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/costquery.cpp" line="126"/>
        <location filename="../app/finance/usagequery.cpp" line="180"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/usagequery.cpp" line="92"/>
        <source>(no project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/usagequery.cpp" line="92"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/usagequery.cpp" line="110"/>
        <source>Cannot stack usage by &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/usagequery.cpp" line="118"/>
        <source>Unknown usage metric &quot;%1&quot;: choose one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/seriestablemodel.cpp" line="18"/>
        <source>week of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sqltablemodel.cpp" line="419"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/sqltablemodel.cpp" line="419"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/tableexport.cpp" line="28"/>
        <source>Export cancelled: %1 was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="90"/>
        <source>Chart numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="146"/>
        <location filename="../ui/chartpanes.cpp" line="154"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="47"/>
        <source>The database URL from %1 includes a password that shows in the process list and shell history. Use a connection profile instead (orgward db add NAME, then --db profile:NAME): its password stays in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="56"/>
        <source>Orgward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="68"/>
        <source>Orgward console. Run &apos;orgward --help&apos; for the headless commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="72"/>
        <source>Database URL or profile:NAME (default: $ORGWARD_DB, else the user&apos;s data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="75"/>
        <source>Auditor mode: open the database strictly read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="76"/>
        <source>Organization to show first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/gui.cpp" line="85"/>
        <source>Cannot open the database.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward</name>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="25"/>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="25"/>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="73"/>
        <source>How far back the API still reaches is not known yet: no sync has read the whole audit log (orgward sync --audit-log-full).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="77"/>
        <source>The API returned no events on the last full read (sync of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="79"/>
        <source>; the 1 event stored before then exists only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="80"/>
        <source>; the %1 events stored before then exist only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="83"/>
        <source>The API still returned events back to %1 on the last full read (sync of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="85"/>
        <source>; no stored event is older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="87"/>
        <source>; 1 older event exists only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="88"/>
        <source>; %1 older events exist only here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="106"/>
        <source>Local copy: no audit events stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/compliance/auditreach.cpp" line="107"/>
        <source>Local copy: %1 – %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="157"/>
        <location filename="../models/asofdetailmodel.cpp" line="166"/>
        <location filename="../models/asofdetailmodel.cpp" line="261"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="158"/>
        <location filename="../models/asofdetailmodel.cpp" line="179"/>
        <location filename="../models/asofdetailmodel.cpp" line="183"/>
        <location filename="../models/asofdetailmodel.cpp" line="255"/>
        <location filename="../models/asofdetailmodel.cpp" line="419"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="159"/>
        <location filename="../models/asofdetailmodel.cpp" line="179"/>
        <location filename="../models/asofdetailmodel.cpp" line="218"/>
        <location filename="../models/asofdetailmodel.cpp" line="262"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="165"/>
        <location filename="../models/asofdetailmodel.cpp" line="188"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="165"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="167"/>
        <location filename="../models/asofdetailmodel.cpp" line="184"/>
        <location filename="../models/asofdetailmodel.cpp" line="190"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="178"/>
        <location filename="../models/asofdetailmodel.cpp" line="183"/>
        <location filename="../models/asofdetailmodel.cpp" line="188"/>
        <location filename="../models/asofdetailmodel.cpp" line="201"/>
        <location filename="../models/asofdetailmodel.cpp" line="244"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="178"/>
        <location filename="../models/asofdetailmodel.cpp" line="246"/>
        <location filename="../models/asofdetailmodel.cpp" line="301"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="189"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="194"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="195"/>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="196"/>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="197"/>
        <source>Requests/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="201"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="202"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="216"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="216"/>
        <location filename="../models/asofdetailmodel.cpp" line="300"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="217"/>
        <location filename="../models/asofdetailmodel.cpp" line="302"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="228"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="233"/>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="235"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="236"/>
        <source>Subject prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="248"/>
        <source>Organization role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="253"/>
        <location filename="../models/asofdetailmodel.cpp" line="420"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="256"/>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="257"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="275"/>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="299"/>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="396"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofdetailmodel.cpp" line="419"/>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AsOfBar</name>
    <message>
        <location filename="../ui/asofbar.cpp" line="113"/>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="116"/>
        <source>Show the organization as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="118"/>
        <source>Pick an earlier date and time to see the organization as Orgward recorded it then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="122"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="124"/>
        <source>Show the present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="125"/>
        <source>Show the organization as it is now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AsOfController</name>
    <message>
        <location filename="../ui/asofbar.cpp" line="50"/>
        <source>import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="50"/>
        <source>sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="51"/>
        <source>As the %1 of %2 observed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="54"/>
        <source>A change made before the next observation (%1) shows from then; the Changes pane dates it by its audit event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="99"/>
        <source>Orgward has no record of this organization yet: it has not been synced or imported since history began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/asofbar.cpp" line="101"/>
        <source>Orgward has no record of this organization before %1 (its first sync or import).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AsOfTableModel</name>
    <message>
        <location filename="../models/asofmodel.cpp" line="73"/>
        <location filename="../models/asofmodel.cpp" line="89"/>
        <location filename="../models/asofmodel.cpp" line="97"/>
        <location filename="../models/asofmodel.cpp" line="108"/>
        <location filename="../models/asofmodel.cpp" line="112"/>
        <location filename="../models/asofmodel.cpp" line="116"/>
        <location filename="../models/asofmodel.cpp" line="124"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="73"/>
        <location filename="../models/asofmodel.cpp" line="78"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="73"/>
        <location filename="../models/asofmodel.cpp" line="79"/>
        <location filename="../models/asofmodel.cpp" line="108"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="74"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="80"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="82"/>
        <location filename="../models/asofmodel.cpp" line="93"/>
        <location filename="../models/asofmodel.cpp" line="105"/>
        <location filename="../models/asofmodel.cpp" line="109"/>
        <location filename="../models/asofmodel.cpp" line="120"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="83"/>
        <location filename="../models/asofmodel.cpp" line="113"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="84"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="85"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="90"/>
        <location filename="../models/asofmodel.cpp" line="112"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="91"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="94"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="98"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="102"/>
        <source>Owner type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="103"/>
        <location filename="../models/asofmodel.cpp" line="108"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="104"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="112"/>
        <source>Active in org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="113"/>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="117"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="119"/>
        <source>SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="125"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="126"/>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="128"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="129"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/asofmodel.cpp" line="135"/>
        <source>Observed since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AuditLogModel</name>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="11"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="12"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="13"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="14"/>
        <source>Actor type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="15"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/auditlogmodel.cpp" line="16"/>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::AuditPane</name>
    <message>
        <location filename="../ui/entitypanes.cpp" line="526"/>
        <location filename="../ui/entitypanes.h" line="212"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="527"/>
        <source>Filter (Ctrl+F) — actor, project, type, IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="529"/>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="532"/>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="533"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="534"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="535"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="536"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="537"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="542"/>
        <source>Event payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="543"/>
        <source>Select an event to see its payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="577"/>
        <source>Reading how far back the audit log reaches…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="591"/>
        <source>How far back the audit log reaches could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="599"/>
        <source>All event types</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CertificatesModel</name>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="19"/>
        <source>Days to expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="27"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="28"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="29"/>
        <source>Active in org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="30"/>
        <source>Active in projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="36"/>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="37"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/certificatesmodel.cpp" line="39"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CertificatesPane</name>
    <message>
        <location filename="../ui/entitypanes.cpp" line="450"/>
        <location filename="../ui/entitypanes.h" line="185"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="451"/>
        <source>All certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="452"/>
        <source>Expiring within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="454"/>
        <source>Certificate events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChangesFilterModel</name>
    <message>
        <location filename="../models/changesmodel.cpp" line="255"/>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChangesModel</name>
    <message>
        <location filename="../models/changesmodel.cpp" line="97"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="97"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="186"/>
        <source>Orgward saw this at %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="191"/>
        <source>The API or its audit log dates this %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="192"/>
        <source>Not known: no audit event or API date explains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="218"/>
        <source>Entity / name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="220"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="222"/>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="224"/>
        <source>Observed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="226"/>
        <source>Happened at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="228"/>
        <source>Evidence (audit events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/changesmodel.cpp" line="230"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChangesPane</name>
    <message>
        <location filename="../ui/changespane.cpp" line="40"/>
        <source>This database is open read-only: a review mark is an entry in its journal, which cannot be written from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="63"/>
        <source>Changes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="64"/>
        <source>Changes until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="65"/>
        <source>Since the first observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="66"/>
        <source>Since the last review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="67"/>
        <source>Mark reviewed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="72"/>
        <location filename="../ui/changespane.h" line="39"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="75"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="77"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="84"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="86"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="89"/>
        <source>From Orgward&apos;s first sync or import of this organization until now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="106"/>
        <source>Filter — words match the entity, name, change, fields, evidence or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="108"/>
        <source>Filter changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="109"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="127"/>
        <source>Changes by entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="206"/>
        <source>Your role (%1) may not record access reviews.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="313"/>
        <source>Since the last review (marked %1 by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="316"/>
        <location filename="../ui/changespane.cpp" line="488"/>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="318"/>
        <source>Comparing %1 with %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="320"/>
        <source>Could not compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="322"/>
        <source>No changes between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/changespane.cpp" line="324"/>
        <source>%n change(s) between %1 and %2. Double-click one to see its pane as it was.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="328"/>
        <source>Orgward has no record of this organization before %1 (its first sync or import): changes are counted from then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="342"/>
        <source>%1 added, %2 removed, %3 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="347"/>
        <source>, %1 back after a removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/changespane.cpp" line="348"/>
        <source> — %n shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="365"/>
        <source>Export changes as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="366"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="377"/>
        <source>An export of the changes is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/changespane.cpp" line="395"/>
        <source>Exported %n change(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="396"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="429"/>
        <location filename="../ui/changespane.cpp" line="439"/>
        <source>Mark reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/changespane.cpp" line="430"/>
        <source>Mark the %n change(s) of %1 between %2 and %3 as reviewed?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="433"/>
        <source>This adds an entry under your name to the tamper-evident journal; it cannot be changed or removed. &quot;Since the last review&quot; then starts at this moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="436"/>
        <source>The review covers every change of the range, not only those the filter shows. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="452"/>
        <source>The previous review mark is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="460"/>
        <source>Could not mark the review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/changespane.cpp" line="463"/>
        <source>Marked reviewed by %1 at %2: %n change(s) of %3 from %4 to %5 (journal entry %6).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="482"/>
        <source>From the last review mark (%1 by %2) until now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="484"/>
        <source>Could not read the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="485"/>
        <source>No review has been marked for this organization yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="486"/>
        <source>Looking for this organization&apos;s last review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="489"/>
        <source>The comparison failed: there is nothing to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/changespane.cpp" line="491"/>
        <source>Record in the tamper-evident journal that the changes of this range were reviewed (you are asked to confirm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ChartBox</name>
    <message>
        <location filename="../ui/chartpanes.cpp" line="41"/>
        <source>%1: empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ConnectDialog</name>
    <message>
        <location filename="../ui/connectdialog.cpp" line="59"/>
        <source>Connect to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="69"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="74"/>
        <source>The password is read from the connection&apos;s secret store (set it with &apos;orgward db set-password NAME&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="84"/>
        <source>SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="85"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="92"/>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="93"/>
        <source>postgresql://user@host:5432/db?sslmode=verify-full (no password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="97"/>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="114"/>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="121"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="126"/>
        <source>Cannot read the connection profiles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="128"/>
        <source>SQLite file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="130"/>
        <source>URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="191"/>
        <source>SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="192"/>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="203"/>
        <location filename="../ui/connectdialog.cpp" line="223"/>
        <source>Choose a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="209"/>
        <source>Choose a SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connectdialog.cpp" line="217"/>
        <source>This URL carries a password, which would then sit in plain text. Add a connection profile instead (&apos;orgward db add NAME …&apos; and &apos;orgward db set-password NAME&apos;): its password stays in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ConsolePane</name>
    <message>
        <location filename="../ui/consolepane.cpp" line="13"/>
        <source>The %1 pane has no table to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/consolepane.cpp" line="17"/>
        <source>An export of %1 is still being written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CostsPane</name>
    <message>
        <location filename="../ui/chartpanes.cpp" line="324"/>
        <source>Stack by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="325"/>
        <source>By project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="326"/>
        <source>By line item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="327"/>
        <source>Total only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="328"/>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="329"/>
        <source>Month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="330"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="331"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="339"/>
        <source>Cost chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="342"/>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="343"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="345"/>
        <location filename="../ui/chartpanes.h" line="57"/>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="367"/>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="382"/>
        <source>Could not read costs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="388"/>
        <source>Total: &lt;b&gt;%1 %2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="389"/>
        <source>Exact sum of the cost line items in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="391"/>
        <source>No costs have been synced for this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="395"/>
        <source>No costs in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="399"/>
        <source>Daily cost (%1) and cumulative total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="420"/>
        <source>Cumulative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="429"/>
        <source>per day (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="431"/>
        <source>cumulative (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::CursorsModel</name>
    <message>
        <location filename="../models/syncmodels.cpp" line="44"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="45"/>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="46"/>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="47"/>
        <source>Window start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="48"/>
        <source>Window end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="49"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="50"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::DashboardPane</name>
    <message numerus="yes">
        <location filename="../ui/dashboardpane.cpp" line="199"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboardpane.cpp" line="200"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dashboardpane.cpp" line="201"/>
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="22"/>
        <location filename="../ui/dashboardpane.h" line="42"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="26"/>
        <source>Spend month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="27"/>
        <source>Top projects by cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="28"/>
        <source>Keys unused for 90+ days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="29"/>
        <source>Certificates expiring within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="30"/>
        <source>Invites pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="31"/>
        <source>Members in no project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="32"/>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="54"/>
        <source>Spend controls and data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="59"/>
        <source>Data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="60"/>
        <source>Hard spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="61"/>
        <source>Spend alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="63"/>
        <location filename="../ui/dashboardpane.cpp" line="90"/>
        <location filename="../ui/dashboardpane.cpp" line="146"/>
        <location filename="../ui/dashboardpane.cpp" line="147"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="91"/>
        <source>Could not read the spend controls: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="95"/>
        <location filename="../ui/dashboardpane.cpp" line="97"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="121"/>
        <location filename="../ui/dashboardpane.cpp" line="122"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="123"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="148"/>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="161"/>
        <source>Could not compute the dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="167"/>
        <source>As of %1 (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="175"/>
        <source>%1%2% vs the same point last month (%3 %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="180"/>
        <source>nothing spent by this point last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="183"/>
        <source>Exact: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="187"/>
        <source>no costs this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="188"/>
        <source>no use (or never used) in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="190"/>
        <source>rotate before they lapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="191"/>
        <source>not yet accepted, not expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="193"/>
        <source>active members outside every project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="195"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dashboardpane.cpp" line="195"/>
        <source>press F5 to sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::DetailTableModel</name>
    <message>
        <location filename="../models/detailmodels.cpp" line="16"/>
        <location filename="../models/detailmodels.cpp" line="26"/>
        <location filename="../models/detailmodels.cpp" line="100"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="17"/>
        <location filename="../models/detailmodels.cpp" line="50"/>
        <location filename="../models/detailmodels.cpp" line="57"/>
        <location filename="../models/detailmodels.cpp" line="104"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="18"/>
        <location filename="../models/detailmodels.cpp" line="51"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="24"/>
        <location filename="../models/detailmodels.cpp" line="64"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="25"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="27"/>
        <location filename="../models/detailmodels.cpp" line="66"/>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="32"/>
        <location filename="../models/detailmodels.cpp" line="92"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="33"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="34"/>
        <location filename="../models/detailmodels.cpp" line="94"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="48"/>
        <location filename="../models/detailmodels.cpp" line="56"/>
        <location filename="../models/detailmodels.cpp" line="63"/>
        <location filename="../models/detailmodels.cpp" line="80"/>
        <location filename="../models/detailmodels.cpp" line="99"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="49"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="58"/>
        <location filename="../models/detailmodels.cpp" line="105"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="65"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="72"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="73"/>
        <source>Requests/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="74"/>
        <source>Tokens/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="75"/>
        <source>Requests/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="81"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="82"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="93"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels.cpp" line="106"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ExpiryTimeline</name>
    <message>
        <location filename="../ui/miniwidgets.cpp" line="54"/>
        <source>Certificate expiry timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/miniwidgets.cpp" line="70"/>
        <source>No certificates in this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/miniwidgets.cpp" line="107"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::GroupsModel</name>
    <message>
        <location filename="../models/accessmodels.cpp" line="54"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="55"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="56"/>
        <source>SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="57"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="58"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="59"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="60"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::GroupsPane</name>
    <message>
        <location filename="../ui/accesspanes.cpp" line="38"/>
        <location filename="../ui/accesspanes.cpp" line="67"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="39"/>
        <source>No groups synced for this organization yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="40"/>
        <source>All groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="41"/>
        <source>SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="42"/>
        <source>Not SCIM-managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="43"/>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="44"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="45"/>
        <location filename="../ui/accesspanes.cpp" line="53"/>
        <location filename="../ui/accesspanes.cpp" line="68"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="46"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="47"/>
        <source>Group details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="54"/>
        <source>No roles synced for this organization yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="55"/>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="56"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="57"/>
        <source>Predefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="59"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="60"/>
        <source>Held by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.cpp" line="61"/>
        <source>Role details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/accesspanes.h" line="51"/>
        <source>Groups and roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::InvitesModel</name>
    <message>
        <location filename="../models/membersmodel.cpp" line="54"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="64"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="65"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="67"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="68"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="69"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="70"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::KeysModel</name>
    <message>
        <location filename="../models/keysmodel.cpp" line="23"/>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="31"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="32"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="33"/>
        <source>Owner type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="34"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="39"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="40"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="41"/>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/keysmodel.cpp" line="43"/>
        <source>Owner state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::KeysPane</name>
    <message>
        <location filename="../ui/entitypanes.cpp" line="382"/>
        <location filename="../ui/entitypanes.cpp" line="389"/>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="383"/>
        <source>All keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="384"/>
        <source>Unused 90+ days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="385"/>
        <source>Older than a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="386"/>
        <source>Owned by removed members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="388"/>
        <location filename="../ui/entitypanes.cpp" line="390"/>
        <source>Service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.h" line="157"/>
        <source>Service accounts and keys</source>
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
        <location filename="../ui/mainwindow.cpp" line="52"/>
        <location filename="../ui/mainwindow.cpp" line="57"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="55"/>
        <source>Organization: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="83"/>
        <source>Console role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>Orgward — %1 — %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Role: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127"/>
        <source>Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="164"/>
        <source>Could not determine the console role (%1): showing what a reader may see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="190"/>
        <source>cancelled: the database was switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="265"/>
        <source>C&amp;onnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="269"/>
        <source>Export table as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272"/>
        <source>Export chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="274"/>
        <source>Export chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="277"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="279"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>&amp;Copy cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="283"/>
        <source>Copy &amp;row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="295"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="296"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="306"/>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="307"/>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="309"/>
        <source>&amp;Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="311"/>
        <source>Show sync &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="314"/>
        <source>&amp;About Orgward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>About Orgward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316"/>
        <source>&lt;b&gt;Orgward&lt;/b&gt; %1&lt;br&gt;A console for OpenAI organizations: members, groups and roles, projects, keys, certificates, usage, costs and audit events, synced into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="336"/>
        <source>The %1 role cannot open this pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="352"/>
        <source>Fixture snapshot: read as of its capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>No organization in %1 yet: import fixtures (orgward import DIR) or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="372"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="429"/>
        <source>No pane shows %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="451"/>
        <source>Read-only (auditor) mode: syncing is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="455"/>
        <source>The %1 role cannot sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="462"/>
        <source>%1 is a fixture snapshot: import a newer snapshot instead of syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="473"/>
        <location filename="../ui/mainwindow.cpp" line="487"/>
        <source>Cannot read the admin key of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="482"/>
        <source>Reading the admin key of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="498"/>
        <source>Add a profile for %1 in Settings (Ctrl+,) or set OPENAI_ADMIN_KEY to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="517"/>
        <source>Syncing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="527"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="536"/>
        <source>%1, page %2, %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="551"/>
        <source>Syncing (%1 of %2 endpoints): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="552"/>
        <source>Syncing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>Sync finished. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="570"/>
        <source>The %1 role cannot change organization profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="598"/>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="607"/>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="614"/>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="616"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="624"/>
        <source>Exported %n row(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="627"/>
        <location filename="../ui/mainwindow.cpp" line="650"/>
        <location filename="../ui/mainwindow.cpp" line="685"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="640"/>
        <source>The %1 pane has no chart to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="645"/>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="646"/>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="646"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="658"/>
        <source>Exported %1; not journaled: this database is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="678"/>
        <source>Exported %1 (journal entry %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="682"/>
        <source>The export %1 was removed: it could not be recorded in the journal (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::MembersModel</name>
    <message>
        <location filename="../models/membersmodel.cpp" line="12"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="13"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="14"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="15"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="18"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="19"/>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="20"/>
        <source>Last key use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/membersmodel.cpp" line="21"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::MembersPane</name>
    <message>
        <location filename="../ui/entitypanes.cpp" line="62"/>
        <location filename="../ui/entitypanes.cpp" line="83"/>
        <location filename="../ui/entitypanes.h" line="52"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="63"/>
        <source>All members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="64"/>
        <source>In no project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="65"/>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="67"/>
        <location filename="../ui/entitypanes.cpp" line="84"/>
        <source>Invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="68"/>
        <source>All invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="69"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="71"/>
        <source>Member details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="74"/>
        <source>Projects and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="75"/>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="76"/>
        <source>Keys owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="77"/>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ProjectsModel</name>
    <message>
        <location filename="../models/projectsmodel.cpp" line="26"/>
        <source>Cost month to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="32"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="33"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="34"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="37"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="38"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="39"/>
        <source>Service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="40"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="41"/>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/projectsmodel.cpp" line="42"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ProjectsPane</name>
    <message>
        <location filename="../ui/entitypanes.cpp" line="183"/>
        <location filename="../ui/entitypanes.h" line="104"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="184"/>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="185"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="186"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="192"/>
        <source>Project details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="195"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="196"/>
        <source>Service accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="197"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="198"/>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="199"/>
        <source>Certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="200"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="208"/>
        <source>Project controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="213"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="214"/>
        <source>Hosted tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="215"/>
        <source>Data retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="216"/>
        <source>Spend limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="218"/>
        <location filename="../ui/entitypanes.cpp" line="288"/>
        <location filename="../ui/entitypanes.cpp" line="332"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="227"/>
        <source>Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="229"/>
        <location filename="../ui/entitypanes.cpp" line="231"/>
        <source>Spend alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="289"/>
        <source>Could not read the controls: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="336"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="363"/>
        <source>Select a project to see its requests over the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="371"/>
        <source>Completions requests per day, the 30 days up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="373"/>
        <source>Completions requests per day, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="374"/>
        <source>Could not read usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ReportsPane</name>
    <message>
        <location filename="../ui/reportspane.cpp" line="46"/>
        <source>Journal head: entry %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="47"/>
        <source>Could not read the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="56"/>
        <location filename="../ui/reportspane.h" line="33"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="97"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="108"/>
        <source>The last day of the period, included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="109"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="110"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="112"/>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="114"/>
        <source>The organization as last synced or imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="123"/>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="129"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="131"/>
        <source>Unused after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="132"/>
        <source>Rotate keys after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="135"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="136"/>
        <source>Pseudonymise emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="137"/>
        <source>Pseudonymise emails, names and IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="138"/>
        <source>Redaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="140"/>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="141"/>
        <source>US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="142"/>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="158"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="159"/>
        <source>Export &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="160"/>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="161"/>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="163"/>
        <source>Create evidence &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="164"/>
        <source>&amp;Verify bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="172"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="183"/>
        <location filename="../ui/reportspane.cpp" line="479"/>
        <source>Choose a report and Run to preview its pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="201"/>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="202"/>
        <source>%1 files (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="206"/>
        <source>Create evidence bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="207"/>
        <location filename="../ui/reportspane.cpp" line="210"/>
        <source>Zip files (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="210"/>
        <source>Verify evidence bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="219"/>
        <source>Tamper-evident journal (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="224"/>
        <source>Verify &amp;journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="226"/>
        <source>Recompute every entry&apos;s hash and the chain between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="320"/>
        <source>The period must start before it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="323"/>
        <source>Building %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="329"/>
        <source>Run the report first: the export is what the preview shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="330"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="347"/>
        <source>Creating the evidence bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="357"/>
        <source>Reading the signing key from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="364"/>
        <location filename="../ui/reportspane.cpp" line="499"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="387"/>
        <source>Cannot read the public key %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="388"/>
        <location filename="../ui/reportspane.cpp" line="402"/>
        <source>Verifying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="394"/>
        <source>This account has no signing key: choose the signer&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="395"/>
        <source>Public keys (*.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="408"/>
        <source>Verifying the journal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="415"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="445"/>
        <source>Your console role may not run reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="451"/>
        <source>Save what the preview shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="452"/>
        <source>Run the report first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="457"/>
        <source>This database is open read-only: a bundle is an entry in its journal, which cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="460"/>
        <source>Every report as PDF, CSV and JSON, signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="483"/>
        <source>Pages 1–%1 of %2 shown; export the PDF for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reportspane.cpp" line="486"/>
        <source>%n page(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reportspane.cpp" line="507"/>
        <source>%1: %n row(s), %2 finding(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="514"/>
        <source>Wrote %1 (SHA-256 %2), journal entry %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="517"/>
        <source>Wrote %1 (SHA-256 %2); not journaled: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="523"/>
        <source>Evidence bundle %1: %2 files, manifest SHA-256 %3, signed by %4 (journal entry %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="531"/>
        <source>Bundle verified: signature by %1 and %2 file(s) hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="538"/>
        <source>Bundle verification FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reportspane.cpp" line="543"/>
        <source>Journal verified: %n entries, head %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reportspane.cpp" line="547"/>
        <source>Journal verification FAILED at entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::RolesModel</name>
    <message>
        <location filename="../models/accessmodels.cpp" line="88"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="89"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="90"/>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="91"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="92"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="93"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/accessmodels.cpp" line="97"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::SeriesTableModel</name>
    <message>
        <location filename="../models/seriestablemodel.cpp" line="28"/>
        <source>Period (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/seriestablemodel.cpp" line="29"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/seriestablemodel.cpp" line="50"/>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/seriestablemodel.cpp" line="53"/>
        <source>Day total%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/seriestablemodel.cpp" line="53"/>
        <source>Cumulative%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::Sparkline</name>
    <message>
        <location filename="../ui/miniwidgets.cpp" line="12"/>
        <source>Usage sparkline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/miniwidgets.cpp" line="35"/>
        <source>no usage in this range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::SyncPane</name>
    <message>
        <location filename="../ui/entitypanes.cpp" line="624"/>
        <source>Sync runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="625"/>
        <source>No sync or import has run for this organization yet (F5 syncs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="628"/>
        <source>Run details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="629"/>
        <source>Select a run to see per-endpoint counts, errors and cursors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="633"/>
        <source>Cursor positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.cpp" line="639"/>
        <source>&lt;b&gt;Cursor positions&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/entitypanes.h" line="241"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::SyncRunsModel</name>
    <message>
        <location filename="../models/syncmodels.cpp" line="11"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="12"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="13"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="14"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="15"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="16"/>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="17"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="32"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/syncmodels.cpp" line="36"/>
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
        <location filename="../ui/tablepane.cpp" line="262"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="76"/>
        <source>Nothing here yet. Import fixtures or run a sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="79"/>
        <source>Filter (Ctrl+F) — words match any text column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="81"/>
        <source>Filter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="82"/>
        <source>Preset filter for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="125"/>
        <source>Copy cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="126"/>
        <source>Copy row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="208"/>
        <source>Exporting %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="208"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="211"/>
        <source>Export table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="247"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="251"/>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="255"/>
        <source> as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="258"/>
        <source>No rows match “%1”%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="259"/>
        <source>No rows%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="313"/>
        <source>Back to now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="397"/>
        <source>Showing the organization as of %1 — not the present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tablepane.cpp" line="421"/>
        <source>Showing the organization as of %1 — not the present. The selected row&apos;s details are as of the same instant; columns computed from other tables (counts, key use, cost) are left out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::UsagePane</name>
    <message numerus="yes">
        <location filename="../ui/chartpanes.cpp" line="182"/>
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="164"/>
        <source>Usage kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="167"/>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="168"/>
        <source>Stack by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="169"/>
        <source>No stacking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="170"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="171"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="172"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="173"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="174"/>
        <source>Service tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="176"/>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="177"/>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="178"/>
        <source>By week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="179"/>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="180"/>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="188"/>
        <source>Usage chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="191"/>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="192"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="194"/>
        <location filename="../ui/chartpanes.h" line="26"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="248"/>
        <source>No organization selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="269"/>
        <source>Could not read usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="276"/>
        <source>No %1 usage has been synced for this organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="277"/>
        <source>No %1 usage grouped by %2 has been synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="282"/>
        <source>No usage in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chartpanes.cpp" line="287"/>
        <source>%1 · %2, stacked by %3 (UTC buckets)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::detail</name>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="95"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="98"/>
        <location filename="../models/detailmodels_access.cpp" line="144"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="99"/>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="100"/>
        <location filename="../models/detailmodels_access.cpp" line="147"/>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="122"/>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="123"/>
        <location filename="../models/detailmodels_access.cpp" line="167"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="124"/>
        <location filename="../models/detailmodels_access.cpp" line="137"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="125"/>
        <location filename="../models/detailmodels_access.cpp" line="168"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="136"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="138"/>
        <source>Organization role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="145"/>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="146"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="152"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="153"/>
        <location filename="../models/detailmodels_access.cpp" line="172"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="166"/>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="180"/>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="186"/>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="187"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="188"/>
        <source>Subject prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/detailmodels_access.cpp" line="221"/>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::governance</name>
    <message>
        <location filename="../app/finance/governance.cpp" line="173"/>
        <source>Organization default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="179"/>
        <location filename="../app/finance/governance.cpp" line="192"/>
        <location filename="../app/finance/governance.cpp" line="204"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="182"/>
        <source>Allow list: none (no model allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="183"/>
        <source>Allow list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="185"/>
        <source>Deny list: none (every model allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="186"/>
        <source>Deny list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="196"/>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="197"/>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="198"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/finance/governance.cpp" line="214"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orgward::ui::OrgProfilesDialog</name>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="32"/>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="38"/>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="34"/>
        <source>session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="36"/>
        <source>vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="47"/>
        <source>Choose a passphrase for the new vault %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="48"/>
        <source>Passphrase for the vault %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="50"/>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="56"/>
        <source>Orgward vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="52"/>
        <source>no passphrase given for the vault %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="56"/>
        <source>Repeat the passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="63"/>
        <source>the passphrases differ; the vault %1 was not created. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="71"/>
        <source>Organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="74"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="75"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="76"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="77"/>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="221"/>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="93"/>
        <source>Profile details are kept in %1. Admin keys are kept only in the keychain, an encrypted vault, or memory for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="144"/>
        <source>%1 — %2 (%3, key in %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="177"/>
        <source>Remove organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="178"/>
        <source>Remove the profile “%1” and its stored admin key? Synced data stays in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="190"/>
        <source>Cannot remove %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="213"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="215"/>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="225"/>
        <source>Test of %1 cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="226"/>
        <source>Test of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="229"/>
        <source>Test of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="231"/>
        <source>✔ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="231"/>
        <source>✘ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="238"/>
        <source>Add organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="238"/>
        <source>Edit organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="243"/>
        <source>org-… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="255"/>
        <source>sk-admin-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="255"/>
        <source>leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="256"/>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="257"/>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="323"/>
        <source>Session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="258"/>
        <source>Encrypted vault file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="260"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="266"/>
        <source>Vault file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="267"/>
        <source>Orgward vault (*.vault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="278"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="279"/>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="280"/>
        <source>Organization id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="281"/>
        <source>API base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="282"/>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="283"/>
        <source>Request tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="284"/>
        <source>Quota tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="285"/>
        <source>User-agent tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="286"/>
        <source>Admin key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="287"/>
        <source>Keep the key in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="324"/>
        <source>Vault file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="362"/>
        <source>Choose the vault file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/orgprofilesdialog.cpp" line="367"/>
        <source>Enter the admin key (it starts with sk-admin-).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
