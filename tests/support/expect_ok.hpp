// EXPECT_OK / ASSERT_OK print the Error's message when a Result failed.
#pragma once

#include <gtest/gtest.h>

#define EXPECT_OK(result)                                                       \
    do {                                                                        \
        const auto& casefile_result_ = (result);                                \
        EXPECT_TRUE(casefile_result_.has_value()) << casefile_result_.error().message; \
    } while (false)

#define ASSERT_OK(result)                                                       \
    do {                                                                        \
        const auto& casefile_result_ = (result);                                \
        ASSERT_TRUE(casefile_result_.has_value()) << casefile_result_.error().message; \
    } while (false)
