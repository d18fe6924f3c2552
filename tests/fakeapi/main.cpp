// orgward-fakeapi: the local Admin API test server as a process (the kill -9 test and benchmarks).
// Prints "PORT <n>" on stdout once listening.
#include "fakeapiserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

using namespace orgward;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Serves a generated fixture organization through the Admin API contract."));
    p.addHelpOption();
    p.addOption(
        {QStringLiteral("scale"), QStringLiteral("Fixture scale"), QStringLiteral("n"), QStringLiteral("1")});
    p.addOption(
        {QStringLiteral("seed"), QStringLiteral("Fixture seed"), QStringLiteral("s"), QStringLiteral("1")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Port (0: any free one)"), QStringLiteral("port"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("key"), QStringLiteral("Admin key to accept"), QStringLiteral("key"),
                 QStringLiteral("sk-admin-test")});
    p.addOption({QStringLiteral("delay-ms"), QStringLiteral("Delay every response"), QStringLiteral("ms"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("exit-after"), QStringLiteral("Exit after N requests"), QStringLiteral("n"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("fault"),
                 QStringLiteral(
                     "kind:pathContains:times[:param], kind = 429|500|drop|truncate|slow|repeat|403|401|404; "
                     "times -1: every request"),
                 QStringLiteral("spec")});
    p.addOption({QStringLiteral("unavailable"),
                 QStringLiteral("Answer 404 (an endpoint the org does not have) for paths containing this"),
                 QStringLiteral("fragment")});
    p.process(app);
    GeneratorOptions o;
    o.scale = p.value(QStringLiteral("scale")).toInt();
    o.seed = p.value(QStringLiteral("seed")).toUInt();
    auto org = std::make_shared<const FixtureOrg>(FixtureOrg::generate(o));
    test::FakeApiServer server(org, p.value(QStringLiteral("key")));
    for (const QString &spec : p.values(QStringLiteral("fault"))) {
        test::Fault f;
        if (!test::parseFault(spec, &f)) {
            std::fprintf(stderr, "bad --fault %s\n", qPrintable(spec));
            return 2;
        }
        server.addFault(f);
    }
    server.setUnavailable(p.values(QStringLiteral("unavailable")));
    server.setDelayMs(p.value(QStringLiteral("delay-ms")).toInt());
    server.setExitAfter(p.value(QStringLiteral("exit-after")).toInt());
    QObject::connect(&server, &test::FakeApiServer::exitRequested, &app, [] { QCoreApplication::exit(0); });
    const quint16 port = server.start(quint16(p.value(QStringLiteral("port")).toUInt()));
    if (!port) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("PORT %u\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
