// The one log sanitizer: every OpenAI key form, bearer/basic headers and database passwords are masked in
// every position (headers, URLs, JSON bodies, error strings, DSNs); safe redacted forms stay readable.
#include "core/logging.h"
#include "core/sanitizer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtTest>

using namespace orgward;

namespace {
QString body40(char c = 'A')
{
    QString s;
    for (int i = 0; i < 40; ++i)
        s += QChar(u'a' + (i * 7 + c) % 26);
    return s + QStringLiteral("T3BlbkFJ") + s.toUpper().left(12) + QStringLiteral("_-9");
}
} // namespace

class TestSanitizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { Sanitizer::clearSecrets(); }

    void masksKeys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        const QStringList prefixes{QStringLiteral("sk-"), QStringLiteral("sk-proj-"),
                                   QStringLiteral("sk-svcacct-"), QStringLiteral("sk-admin-"),
                                   QStringLiteral("sk-None-")};
        const QStringList shapes{
            QStringLiteral("%1"),
            QStringLiteral("key=%1"),
            QStringLiteral("Authorization: Bearer %1"),
            QStringLiteral("authorization: bearer %1\r\nOpenAI-Organization: org-1"),
            QStringLiteral("AUTHORIZATION: BEARER %1"),
            QStringLiteral("{\"Authorization\":\"Bearer %1\"}"),
            QStringLiteral("{\"value\": \"%1\", \"object\": \"organization.admin_api_key\"}"),
            QStringLiteral("{\"value\":\"%1\"}"),
            QStringLiteral("https://api.openai.com/v1/organization/users?api_key=%1&limit=1"),
            QStringLiteral("https://api.example/v1?k%3D%1"),
            QStringLiteral("OPENAI_ADMIN_KEY=%1"),
            QStringLiteral("export OPENAI_API_KEY_FINANCE_PROD='%1'"),
            QStringLiteral("error 401: Incorrect API key provided: %1. You can find your API key at "
                           "https://platform.openai.com."),
            QStringLiteral("(%1)"),
            QStringLiteral("[%1]"),
            QStringLiteral("<%1>"),
            QStringLiteral("'%1'"),
            QStringLiteral("`%1`"),
            QStringLiteral("key:%1;next"),
            QStringLiteral("line one\nline two %1\nline three"),
            QStringLiteral("\t%1\t"),
            QStringLiteral("prefix_%1_suffix"),
            QStringLiteral("Bearer%20%1"),
            QStringLiteral(
                "curl -H 'Authorization: Bearer %1' https://api.openai.com/v1/organization/projects"),
            QStringLiteral("QNetworkReply: Error transferring https://api.openai.com/v1/x?token=%1 - server "
                           "replied: Unauthorized"),
            QStringLiteral("%1 %1"),
        };
        int i = 0;
        for (const QString &prefix : prefixes)
            for (const QString &shape : shapes) {
                const QString key = prefix + body40(char('A' + i % 20));
                QTest::addRow("%s/%d", qPrintable(prefix), i++) << shape.arg(key) << key;
            }
        // Length and alphabet extremes.
        QTest::newRow("short-body") << QStringLiteral("k sk-abcdEFGH") << QStringLiteral("sk-abcdEFGH");
        QTest::newRow("long-body") << QStringLiteral("sk-admin-") + QString(300, u'x') << QString(300, u'x');
        QTest::newRow("dashes") << QStringLiteral("sk-proj-ab-cd-ef-gh-ij-kl")
                                << QStringLiteral("ab-cd-ef-gh-ij-kl");
        QTest::newRow("underscores") << QStringLiteral("sk-svcacct-AB_cd_EF_gh_12")
                                     << QStringLiteral("AB_cd_EF_gh_12");
        QTest::newRow("uppercase-context")
            << QStringLiteral("TOKEN=sk-admin-ZZZZZZZZZZZZ") << QStringLiteral("ZZZZZZZZZZZZ");
    }
    void masksKeys()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        const QString out = Sanitizer::mask(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        // Nothing longer than 7 characters of the key body survives.
        const QString body = secret.mid(secret.lastIndexOf(u'-') + 1);
        if (body.size() >= 8) QVERIFY2(!out.contains(body.left(8)), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("***")), qPrintable(out));
    }

    void keepsRedactedForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("proj") << QStringLiteral("redacted_value: sk-proj-ab...wxyz");
        QTest::newRow("admin") << QStringLiteral("{\"redacted_value\":\"sk-admin...xyz\"}");
        QTest::newRow("plain") << QStringLiteral("key sk-abc...def rotated");
        QTest::newRow("svcacct") << QStringLiteral("sk-svcacct-Ab...9z in project proj_123");
        QTest::newRow("stars") << QStringLiteral("sk-proj-****wxyz");
        QTest::newRow("list") << QStringLiteral("keys: sk-admin...a1b2, sk-proj-xy...z9z9, sk-Ab...cd");
    }
    void keepsRedactedForms()
    {
        QFETCH(QString, text);
        QCOMPARE(Sanitizer::mask(text), text);
    }

    void keepsOrdinaryText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("task") << QStringLiteral("task-scheduler-0001 finished");
        QTest::newRow("disk") << QStringLiteral("disk-partition-abcdefgh mounted");
        QTest::newRow("ids") << QStringLiteral("user-abc123 proj_abc key_abc123456789 org-XYZ12345678");
        QTest::newRow("prose") << QStringLiteral("a bearer token is missing; use basic settings");
        QTest::newRow("tokens") << QStringLiteral("input_tokens=1200 output_tokens=300 last_seen_pass=7");
        QTest::newRow("url") << QStringLiteral(
            "https://api.openai.com/v1/organization/costs?start_time=1700000000&limit=7");
        QTest::newRow("pg-no-password")
            << QStringLiteral("postgresql://orgward@db.example:5432/orgward?sslmode=verify-full");
        QTest::newRow("sync") << QStringLiteral("sync pass 3 of org finance-prod: 12 pages");
    }
    void keepsOrdinaryText()
    {
        QFETCH(QString, text);
        QCOMPARE(Sanitizer::mask(text), text);
    }

    void masksPasswords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("keep");
        QTest::newRow("pg-url") << QStringLiteral("postgresql://alice:Sup3rS3cret@db:5432/orgward")
                                << QStringLiteral("Sup3rS3cret") << QStringLiteral("alice");
        QTest::newRow("postgres-url") << QStringLiteral("cannot open postgres://bob:pw-123456@10.0.0.1/x")
                                      << QStringLiteral("pw-123456") << QStringLiteral("10.0.0.1");
        QTest::newRow("at-in-password") << QStringLiteral("postgresql://u:p@ss@word@host:5432/db")
                                        << QStringLiteral("ss@word") << QStringLiteral("host:5432");
        QTest::newRow("encoded") << QStringLiteral("postgresql://u:p%40ss%2Fw0rd@host/db")
                                 << QStringLiteral("p%40ss") << QStringLiteral("host/db");
        QTest::newRow("mysql") << QStringLiteral("mysql://root:hunter2hunter2@localhost/db")
                               << QStringLiteral("hunter2hunter2") << QStringLiteral("localhost");
        QTest::newRow("dsn") << QStringLiteral("host=db user=alice password=Sup3rS3cret dbname=x")
                             << QStringLiteral("Sup3rS3cret") << QStringLiteral("dbname=x");
        QTest::newRow("dsn-quoted") << QStringLiteral("host=db password='two words here' dbname=x")
                                    << QStringLiteral("two words") << QStringLiteral("dbname=x");
        QTest::newRow("pgpassword") << QStringLiteral("PGPASSWORD=Sup3rS3cret psql")
                                    << QStringLiteral("Sup3rS3cret") << QStringLiteral("psql");
        QTest::newRow("json") << QStringLiteral(
                                     "{\"user\":\"a\",\"password\":\"with \\\"quote\\\" and space\"}")
                              << QStringLiteral("quote") << QStringLiteral("\"user\":\"a\"");
        QTest::newRow("json-spaced") << QStringLiteral("{ \"Password\" : \"Sup3rS3cret\" }")
                                     << QStringLiteral("Sup3rS3cret") << QStringLiteral("Password");
        QTest::newRow("passphrase") << QStringLiteral("vault passphrase: correct-horse")
                                    << QStringLiteral("correct-horse") << QStringLiteral("vault");
        QTest::newRow("query") << QStringLiteral("https://x/y?user=a&password=Sup3rS3cret&z=1")
                               << QStringLiteral("Sup3rS3cret") << QStringLiteral("z=1");
        QTest::newRow("basic") << QStringLiteral("Authorization: Basic dXNlcjpwYXNzd29yZA==")
                               << QStringLiteral("dXNlcjpwYXNzd29yZA") << QStringLiteral("Authorization");
        QTest::newRow("opaque-bearer")
            << QStringLiteral("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig")
            << QStringLiteral("eyJhbGciOiJIUzI1NiJ9") << QStringLiteral("Bearer");
        QTest::newRow("client-secret") << QStringLiteral("client_secret=abcdef123456")
                                       << QStringLiteral("abcdef123456") << QStringLiteral("client_secret");
    }
    void masksPasswords()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QFETCH(QString, keep);
        const QString out = Sanitizer::mask(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(out.contains(keep), qPrintable(out));
    }

    void registeredSecrets()
    {
        const QString pw = QStringLiteral("plain pass/with@specials\"x");
        Sanitizer::addSecret(pw);
        QCOMPARE(Sanitizer::mask(QStringLiteral("pw is ") + pw + QStringLiteral(".")),
                 QStringLiteral("pw is ***."));
        // The URL-encoded and JSON-escaped forms are masked too.
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(pw));
        QVERIFY(!Sanitizer::mask(QStringLiteral("postgresql://u:") + encoded + QStringLiteral("@h/db"))
                     .contains(encoded));
        const QString json = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("x"), pw}}).toJson(QJsonDocument::Compact));
        QVERIFY2(!Sanitizer::mask(json).contains(QLatin1String("specials")),
                 qPrintable(Sanitizer::mask(json)));
        // Tiny strings are not registered (they would shred ordinary text).
        Sanitizer::addSecret(QStringLiteral("ab"));
        QCOMPARE(Sanitizer::mask(QStringLiteral("about")), QStringLiteral("about"));
        Sanitizer::clearSecrets();
        QCOMPARE(Sanitizer::mask(QStringLiteral("pw is plain pass")), QStringLiteral("pw is plain pass"));
    }

    void idempotent()
    {
        const QString text =
            QStringLiteral("Bearer sk-admin-%1 postgresql://u:pw123456@h/db password=x123456").arg(body40());
        const QString once = Sanitizer::mask(text);
        QCOMPARE(Sanitizer::mask(once), once);
    }

    void logHandlerMasks()
    {
        // Every qC* line passes through the sanitizer once installLogSanitizer() ran.
        static QStringList captured;
        captured.clear();
        qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &m) { captured << m; });
        installLogSanitizer(); // chains to the capturing handler
        const QString key = QStringLiteral("sk-admin-") + body40('Q');
        qCWarning(lcSecurity) << "request failed with" << key << "and postgresql://u:pw-Secret-1@h/db";
        qCInfo(lcApi).noquote() << QStringLiteral("{\"Authorization\":\"Bearer %1\"}").arg(key);
        QCOMPARE(captured.size(), 2);
        for (const QString &line : std::as_const(captured)) {
            QVERIFY2(!line.contains(key.mid(9, 12)), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("pw-Secret-1")), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestSanitizer)
#include "test_sanitizer.moc"
