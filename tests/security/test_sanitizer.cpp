// The one log sanitizer: every OpenAI key form, bearer/basic headers and database passwords are masked in
// every position (headers, URLs, JSON bodies, error strings, DSNs); safe redacted forms stay readable.
#include "core/logging.h"
#include "core/sanitizer.h"

#include <QElapsedTimer>
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

// The issue #11 finding 7 inputs: each leaked through the sanitizer before. {text, secret, kept context}
struct LeakCase
{
    const char *name;
    QString text;
    QString secret;
    QString keep;
};
QList<LeakCase> finding7Cases()
{
    const QString key = QStringLiteral("AbCdEfGh12345678");
    const QString pw = QStringLiteral("hunter2");
    return {
        {"percent-encoded-key", QStringLiteral("next=%2fv1%3fkey%3dsk-proj-AbCdEfGh12345678"), key,
         QStringLiteral("next=%2fv1%3fkey%3d")},
        {"double-encoded-key", QStringLiteral("next=%252fv1%253fkey%253dsk-proj-AbCdEfGh12345678"), key,
         QStringLiteral("next=")},
        {"json-newline-key", QStringLiteral(R"({"error":"bad key:\nsk-proj-AbCdEfGh12345678"})"), key,
         QStringLiteral(R"({"error":"bad key:\n)")},
        {"json-tab-key", QStringLiteral(R"({"error":"bad key:\tsk-proj-AbCdEfGh12345678"})"), key,
         QStringLiteral("bad key")},
        {"json-unicode-key", QStringLiteral(R"({"e":"key\u003dsk-proj-AbCdEfGh12345678"})"), key,
         QStringLiteral("key")},
        {"db-password", QStringLiteral("DB_PASSWORD=hunter2"), pw, QStringLiteral("DB_PASSWORD=")},
        {"postgres-password", QStringLiteral("POSTGRES_PASSWORD=hunter2"), pw,
         QStringLiteral("POSTGRES_PASSWORD")},
        {"json-db-password", QStringLiteral(R"({"db_password":"hunter2"})"), pw,
         QStringLiteral("db_password")},
        {"pgpassword-quoted", QStringLiteral(R"(PGPASSWORD="hunter2")"), pw, QStringLiteral("PGPASSWORD")},
        {"yaml-quoted", QStringLiteral(R"(password: "hunter2")"), pw, QStringLiteral("password")},
        {"quoted-open", QStringLiteral("password=\"hunter2 and more\nnext line"), pw,
         QStringLiteral("next line")},
        {"cli-password", QStringLiteral("orgward --password hunter2 --db x"), pw, QStringLiteral("--db x")},
        {"cli-db-password", QStringLiteral("orgward --db-password 'hunter2' sync"), pw,
         QStringLiteral("sync")},
        {"cli-password-equals", QStringLiteral("orgward --password=hunter2 sync"), pw,
         QStringLiteral("sync")},
        {"json-number", QStringLiteral(R"({"password": 12345678})"), QStringLiteral("12345678"),
         QStringLiteral("password")},
        {"json-escaped-json", QStringLiteral(R"({\"db_password\":\"hunter2\"})"), pw,
         QStringLiteral("db_password")},
        {"form-encoded", QStringLiteral("user=a&password%3Dhunter2&x=1"), pw, QStringLiteral("x=1")},
        {"authorization-token", QStringLiteral("Authorization: Token abcdefghijkl"),
         QStringLiteral("abcdefghijkl"), QStringLiteral("Authorization: Token")},
        {"authorization-bare", QStringLiteral("authorization=abcdefghijkl;x=1"),
         QStringLiteral("abcdefghijkl"), QStringLiteral("x=1")},
        {"authorization-json", QStringLiteral(R"({"Authorization":"Token abcdefghijkl"})"),
         QStringLiteral("abcdefghijkl"), QStringLiteral("Authorization")},
        {"bearer-encoded", QStringLiteral("Bearer%20abc%2Fdefghijkl"), QStringLiteral("defghijkl"),
         QStringLiteral("Bearer%20")},
        {"header-encoded", QStringLiteral("h=Authorization%3A%20Bearer%20abcdefghijkl"),
         QStringLiteral("abcdefghijkl"), QStringLiteral("Authorization")},
        {"url-space", QStringLiteral("postgresql://u:pa ss@db/x"), QStringLiteral("pa ss"),
         QStringLiteral("@db/x")},
        {"url-slash", QStringLiteral("postgresql://u:p/w@db/x"), QStringLiteral("p/w"),
         QStringLiteral("@db/x")},
        {"url-colon", QStringLiteral("postgresql://u:p:w:x@db/x"), QStringLiteral("p:w:x"),
         QStringLiteral("@db/x")},
    };
}

// Inputs that must come out exactly as they went in.
QStringList ordinaryTexts()
{
    return {
        QStringLiteral("task-scheduler-0001 finished"),
        QStringLiteral("disk-partition-abcdefgh mounted"),
        QStringLiteral("user-abc123 proj_abc key_abc123456789 org-XYZ12345678"),
        QStringLiteral("a bearer token is missing; use basic settings"),
        QStringLiteral("input_tokens=1200 output_tokens=300 last_seen_pass=7"),
        QStringLiteral("https://api.openai.com/v1/organization/costs?start_time=1700000000&limit=7"),
        QStringLiteral("postgresql://orgward@db.example:5432/orgward?sslmode=verify-full"),
        QStringLiteral("sync pass 3 of org finance-prod: 12 pages"),
        QStringLiteral("cannot reach postgresql://db:5432/x (ask admin@example.com)"),
        QStringLiteral("http://localhost:8080/v1 refused; mail ops@example.com"),
        QStringLiteral("passwords rotated: 3"),
        QStringLiteral("orgward --password-file /etc/orgward/pw sync"),
        QStringLiteral("%2ftask-scheduler-0001 done"),
        QStringLiteral("authorization failed for user-abc"),
    };
}

// Output length ≤ input length + what the masks add (each "***" may stand for fewer characters).
bool withinMaskBudget(const QString &in, const QString &out)
{
    return out.size() <= in.size() + 3 * out.count(QLatin1String("***"));
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
        for (const QString &text : ordinaryTexts())
            QTest::newRow(qPrintable(text.left(24))) << text;
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

    // Issue #11 finding 7: each of these leaked.
    void masksFinding7_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("keep");
        for (const LeakCase &c : finding7Cases())
            QTest::newRow(c.name) << c.text << c.secret << c.keep;
    }
    void masksFinding7()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QFETCH(QString, keep);
        const QString out = Sanitizer::mask(text);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(out.contains(keep), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("***")), qPrintable(out));
        QVERIFY2(withinMaskBudget(text, out), qPrintable(out));
        QCOMPARE(Sanitizer::mask(out), out);
    }

    // Idempotent and within the length budget on every input of this file.
    void properties()
    {
        QStringList inputs = ordinaryTexts();
        for (const LeakCase &c : finding7Cases())
            inputs << c.text;
        const QString key = QStringLiteral("sk-admin-") + body40();
        inputs << QStringLiteral("Bearer %1 postgresql://u:pw123456@h/db password=x123456").arg(key)
               << QStringLiteral("password=") << QStringLiteral("password=\"")
               << QStringLiteral("Authorization:") << QStringLiteral("postgresql://u:@h/db")
               << QStringLiteral("a://b:c://d:e@f") << QStringLiteral("password=*** token: ***** Bearer ***")
               << QStringLiteral("--password --db x");
        for (const QString &in : std::as_const(inputs)) {
            const QString once = Sanitizer::mask(in);
            QVERIFY2(withinMaskBudget(in, once), qPrintable(in + QStringLiteral(" -> ") + once));
            QVERIFY2(Sanitizer::mask(once) == once, qPrintable(in + QStringLiteral(" -> ") + once));
        }
    }

    // Every log line goes through mask(): no input shape may make it rescan the text (PCRE would also
    // give up at its match limit, and a match it gives up on is a secret let through). 1 MB each.
    void linearTime_data()
    {
        QTest::addColumn<QString>("unit");
        const QStringList units{QStringLiteral("a"),
                                QStringLiteral("a_"),
                                QStringLiteral("a-"),
                                QStringLiteral("--a-"),
                                QStringLiteral("\"password\":\""),
                                QStringLiteral("password=\""),
                                QStringLiteral("a://u:"),
                                QStringLiteral("postgresql://u:a "),
                                QStringLiteral("sk-"),
                                QStringLiteral("Bearer "),
                                QStringLiteral("%25"),
                                QStringLiteral("\\n"),
                                QStringLiteral("authorization: "),
                                QStringLiteral("x:"),
                                QStringLiteral("@")};
        for (const QString &unit : units)
            QTest::newRow(qPrintable(unit)) << unit;
    }
    void linearTime()
    {
        QFETCH(QString, unit);
        constexpr qsizetype kSize = 1'000'000;
        // A quadratic rescan of 1 MB takes minutes; linear matching takes tens of milliseconds (Debug,
        // sanitizers) — the bound leaves room for a loaded CI machine.
        constexpr qint64 kBudgetMs = 3000;
        QString text;
        text.reserve(kSize + unit.size() + 1);
        while (text.size() < kSize)
            text += unit;
        text += u':';
        Sanitizer::addSecret(QStringLiteral("registered-secret-1"));
        QElapsedTimer timer;
        timer.start();
        const QString out = Sanitizer::mask(text);
        QVERIFY2(timer.elapsed() < kBudgetMs, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(withinMaskBudget(text, out));
    }

    // A registered secret is masked in every form a log line can carry it.
    void registeredSecretForms_data()
    {
        QTest::addColumn<QString>("form");
        const QString pw = QStringLiteral("plain pass/with@specials\"x");
        QTest::newRow("raw") << pw;
        QTest::newRow("percent-upper") << QString::fromLatin1(QUrl::toPercentEncoding(pw));
        QTest::newRow("percent-lower") << QString::fromLatin1(QUrl::toPercentEncoding(pw)).toLower();
        QTest::newRow("percent-all") << QString::fromLatin1(
            QUrl::toPercentEncoding(pw, {}, "abcdefghijklmnopqrstuvwxyz"));
        QTest::newRow("form-plus") << QStringLiteral("plain+pass%2Fwith%40specials%22x");
        QTest::newRow("json") << QStringLiteral(R"(plain pass/with@specials\"x)");
        QTest::newRow("json-solidus") << QStringLiteral(R"(plain pass\/with@specials\"x)");
        QTest::newRow("json-unicode") << QStringLiteral(R"(plain\u0020pass\u002Fwith\u0040specials\u0022x)");
    }
    void registeredSecretForms()
    {
        QFETCH(QString, form);
        Sanitizer::addSecret(QStringLiteral("plain pass/with@specials\"x"));
        const QString text = QStringLiteral("error near [") + form + QStringLiteral("] end");
        QCOMPARE(Sanitizer::mask(text), QStringLiteral("error near [***] end"));
    }

    void registeredSecretEdgeCases()
    {
        // Longer than PCRE can compile as one all-forms pattern: still masked.
        const QString longSecret = QString(20'000, u'q') + QStringLiteral("/end");
        Sanitizer::addSecret(longSecret);
        QCOMPARE(Sanitizer::mask(QStringLiteral("<") + longSecret + QStringLiteral(">")),
                 QStringLiteral("<***>"));
        // Non-BMP characters, raw and as a JSON surrogate pair.
        const QString emoji = QStringLiteral("pw-\U0001F600-x");
        Sanitizer::addSecret(emoji);
        QCOMPARE(Sanitizer::mask(emoji), QStringLiteral("***"));
        QCOMPARE(Sanitizer::mask(QStringLiteral(R"(pw-\ud83d\ude00-x)")), QStringLiteral("***"));
        // Not valid UTF-16 (a lone surrogate): refused, not a broken pattern.
        Sanitizer::addSecret(QStringLiteral("abc") + QChar(0xD800) + QStringLiteral("def"));
        QCOMPARE(Sanitizer::mask(QStringLiteral("abcdef")), QStringLiteral("abcdef"));
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
