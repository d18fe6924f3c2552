#include "core/decimal.h"

#include <QTest>

using orgward::Decimal;

class TestDecimal : public QObject
{
    Q_OBJECT
private slots:
    void parseAndPrint_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("int") << "12"
                             << "12";
        QTest::newRow("string money") << "12.50"
                                      << "12.5";
        QTest::newRow("small") << "0.0042"
                               << "0.0042";
        QTest::newRow("negative") << "-3.10"
                                  << "-3.1";
        QTest::newRow("plus") << "+7"
                              << "7";
        QTest::newRow("exp") << "1e-5"
                             << "0.00001";
        QTest::newRow("exp upper") << "2.5E3"
                                   << "2500";
        QTest::newRow("zero") << "0.000"
                              << "0";
        QTest::newRow("18 digits") << "0.123456789012345678"
                                   << "0.123456789012345678";
        QTest::newRow("rounds 19th") << "0.1234567890123456785"
                                     << "0.123456789012345679";
        QTest::newRow("spaces") << "  4.20 "
                                << "4.2";
    }
    void parseAndPrint()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        const auto d = Decimal::parse(in);
        QVERIFY2(d.has_value(), qPrintable(in));
        QCOMPARE(d->toString(), out);
    }
    void rejects_data()
    {
        QTest::addColumn<QString>("in");
        for (const char *s : {"", "abc", "1.2.3", "1e", "--1", "12,50", "1e999", "NaN"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void rejects()
    {
        QFETCH(QString, in);
        QVERIFY(!Decimal::parse(in).has_value());
    }
    void fromDoubleIsTheLiteral()
    {
        // JSON numbers arrive as doubles; the shortest round-trip form is the literal sent.
        QCOMPARE(Decimal::fromDouble(0.06).toString(), QStringLiteral("0.06"));
        QCOMPARE(Decimal::fromDouble(0.1).toString(), QStringLiteral("0.1"));
        QCOMPARE(Decimal::fromDouble(1234.5678).toString(), QStringLiteral("1234.5678"));
        QCOMPARE(Decimal::fromDouble(1e-7).toString(), QStringLiteral("0.0000001"));
    }
    void sumsExactly()
    {
        // 0.1 added ten times is exactly 1 (a double gives 0.9999999999999999).
        Decimal total;
        for (int i = 0; i < 10; ++i)
            total += *Decimal::parse(QStringLiteral("0.1"));
        QCOMPARE(total.toString(), QStringLiteral("1"));
        Decimal many;
        for (int i = 0; i < 100000; ++i)
            many += *Decimal::parse(QStringLiteral("0.0042"));
        QCOMPARE(many.toString(), QStringLiteral("420"));
    }
    void fixedAndDivision()
    {
        QCOMPARE(Decimal::parse(QStringLiteral("12.345"))->toFixed(2), QStringLiteral("12.35"));
        QCOMPARE(Decimal::parse(QStringLiteral("-12.345"))->toFixed(2), QStringLiteral("-12.35"));
        QCOMPARE(Decimal::parse(QStringLiteral("12"))->toFixed(2), QStringLiteral("12.00"));
        QCOMPARE(Decimal::parse(QStringLiteral("-0.001"))->toFixed(2), QStringLiteral("0.00"));
        QCOMPARE(Decimal::parse(QStringLiteral("10"))->divInt(3).toFixed(6), QStringLiteral("3.333333"));
        QCOMPARE(Decimal::parse(QStringLiteral("2"))->divInt(0).toString(), QStringLiteral("0"));
        QVERIFY(*Decimal::parse(QStringLiteral("1.5")) > *Decimal::parse(QStringLiteral("1.49")));
        QCOMPARE(Decimal::parse(QStringLiteral("85"))->ratio(*Decimal::parse(QStringLiteral("100"))), 0.85);
    }
};

QTEST_GUILESS_MAIN(TestDecimal)
#include "test_decimal.moc"
