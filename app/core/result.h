#pragma once
// Errors as values: a small std::expected stand-in (C++20 has none). Expected failures (I/O, SQL,
// network, bad input) travel as Result<T>; exceptions never cross the Qt event loop.
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace orgward {

struct Error
{
    enum class Code
    {
        Generic,
        Io,
        Parse,
        Database,
        Network,
        Auth,
        Cancelled,
        NotFound,
        Conflict,
        Usage,
        Security
    };
    Code code = Code::Generic;
    QString message; // user-facing: what, where, what to do

    static Error make(Code c, QString m) { return Error{c, std::move(m)}; }
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    const Error &error() const { return std::get<1>(m_v); }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_e(std::move(error)) {}
    bool ok() const { return !m_e.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_e; }
    QString errorMessage() const { return ok() ? QString() : m_e->message; }

private:
    std::optional<Error> m_e;
};

using Status = Result<void>;

inline Error err(Error::Code c, QString m)
{
    return Error::make(c, std::move(m));
}

} // namespace orgward
