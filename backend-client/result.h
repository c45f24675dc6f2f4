#pragma once

#include "backend-client/apierror.h"

#include <utility>
#include <variant>

namespace haitao::client {

struct Done
{}; // the value of calls that answer nothing (204)

// Either the value of a call or the error that stopped it.
template <typename T> class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(ApiError error)
        : m_data(std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    const T &value() const { return std::get<0>(m_data); }
    // On success, an empty error (kind Unknown, status 0), so that diagnostics can always
    // read it.
    const ApiError &error() const
    {
        static const ApiError none;
        return ok() ? none : std::get<1>(m_data);
    }

private:
    std::variant<T, ApiError> m_data;
};

} // namespace haitao::client
