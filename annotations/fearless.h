/* fearless.h: ownership and locking annotations for C, read by the `fearless` checker.
 *
 * Every macro exists with the FL_ prefix; short names are defined too unless
 * FEARLESS_NO_SHORT_NAMES is set or the name is already taken. On clang the macros
 * expand to __attribute__((annotate("fearless:<kind>[:<args>]"))), which the checker
 * reads; lock macros also emit clang's thread-safety attributes (unless
 * FEARLESS_NO_CLANG_TSA is set) so that -Wthread-safety works on capability types.
 * On other compilers everything expands to nothing. Header-only, any C99 compiler. */
#ifndef FEARLESS_ANNOTATIONS_H
#define FEARLESS_ANNOTATIONS_H

#if defined(__clang__)
#define FL_ANNOTATE_(text) __attribute__((annotate(text)))
#else
#define FL_ANNOTATE_(text)
#endif

#if defined(__clang__) && !defined(FEARLESS_NO_CLANG_TSA)
#define FL_TSA_(attr) __attribute__((attr))
#else
#define FL_TSA_(attr)
#endif

/* clang's guarded_by on a struct field cannot name a sibling field in C (it resolves `mu`
 * to no object and warns even under the lock), so data guards feed clang only in C++;
 * in C the checker alone reads them. Function contracts work in both. */
#if defined(__cplusplus)
#define FL_TSA_DATA_(attr) FL_TSA_(attr)
#else
#define FL_TSA_DATA_(attr)
#endif

/* Ownership. */
#define FL_MOVED FL_ANNOTATE_("fearless:moved")
#define FL_MOVED_IF(value) FL_ANNOTATE_("fearless:moved_if:" #value)
#define FL_THREAD_ARG FL_ANNOTATE_("fearless:thread_arg")
#define FL_THREAD_FN FL_ANNOTATE_("fearless:thread_fn")
#define FL_JOINS FL_ANNOTATE_("fearless:joins")
#define FL_DETACHES FL_ANNOTATE_("fearless:detaches")

/* Thread-safety traits of types. */
#define FL_SEND FL_ANNOTATE_("fearless:send")
#define FL_NOT_SEND FL_ANNOTATE_("fearless:not_send")
#define FL_UNSAFE_SEND FL_ANNOTATE_("fearless:unsafe_send")
#define FL_SYNC FL_ANNOTATE_("fearless:sync")
#define FL_NOT_SYNC FL_ANNOTATE_("fearless:not_sync")
#define FL_UNSAFE_SYNC FL_ANNOTATE_("fearless:unsafe_sync")

/* Locks. */
#define FL_LOCK_TYPE FL_ANNOTATE_("fearless:lock_type") FL_TSA_(capability("mutex"))
#define FL_GUARDED_BY(lock) \
    FL_ANNOTATE_("fearless:guarded_by:" #lock) FL_TSA_DATA_(guarded_by(lock))
#define FL_PT_GUARDED_BY(lock) \
    FL_ANNOTATE_("fearless:pt_guarded_by:" #lock) FL_TSA_DATA_(pt_guarded_by(lock))
#define FL_REQUIRES(...) \
    FL_ANNOTATE_("fearless:requires:" #__VA_ARGS__) FL_TSA_(requires_capability(__VA_ARGS__))
#define FL_REQUIRES_SHARED(...)                            \
    FL_ANNOTATE_("fearless:requires_shared:" #__VA_ARGS__) \
    FL_TSA_(requires_shared_capability(__VA_ARGS__))
#define FL_EXCLUDES(...) \
    FL_ANNOTATE_("fearless:excludes:" #__VA_ARGS__) FL_TSA_(locks_excluded(__VA_ARGS__))
#define FL_ACQUIRE(...) \
    FL_ANNOTATE_("fearless:acquire:" #__VA_ARGS__) FL_TSA_(acquire_capability(__VA_ARGS__))
#define FL_ACQUIRE_SHARED(...)                            \
    FL_ANNOTATE_("fearless:acquire_shared:" #__VA_ARGS__) \
    FL_TSA_(acquire_shared_capability(__VA_ARGS__))
#define FL_RELEASE(...) \
    FL_ANNOTATE_("fearless:release:" #__VA_ARGS__) FL_TSA_(release_capability(__VA_ARGS__))
#define FL_RELEASE_SHARED(...)                            \
    FL_ANNOTATE_("fearless:release_shared:" #__VA_ARGS__) \
    FL_TSA_(release_shared_capability(__VA_ARGS__))
#define FL_TRY_ACQUIRE(...)                                \
    FL_ANNOTATE_("fearless:try_acquire:" #__VA_ARGS__) \
    FL_TSA_(try_acquire_capability(__VA_ARGS__))
#define FL_RETURNS_GUARD(lock) FL_ANNOTATE_("fearless:returns_guard:" #lock)
#define FL_ACQUIRED_BEFORE(...)                            \
    FL_ANNOTATE_("fearless:acquired_before:" #__VA_ARGS__) \
    FL_TSA_(acquired_before(__VA_ARGS__))
#define FL_ACQUIRED_AFTER(...) \
    FL_ANNOTATE_("fearless:acquired_after:" #__VA_ARGS__) FL_TSA_(acquired_after(__VA_ARGS__))
#define FL_NO_THREAD_SAFETY_ANALYSIS \
    FL_ANNOTATE_("fearless:no_thread_safety_analysis") FL_TSA_(no_thread_safety_analysis)

#ifndef FEARLESS_NO_SHORT_NAMES
#ifndef MOVED
#define MOVED FL_MOVED
#endif
#ifndef MOVED_IF
#define MOVED_IF FL_MOVED_IF
#endif
#ifndef THREAD_ARG
#define THREAD_ARG FL_THREAD_ARG
#endif
#ifndef THREAD_FN
#define THREAD_FN FL_THREAD_FN
#endif
#ifndef JOINS
#define JOINS FL_JOINS
#endif
#ifndef DETACHES
#define DETACHES FL_DETACHES
#endif
#ifndef SEND
#define SEND FL_SEND
#endif
#ifndef NOT_SEND
#define NOT_SEND FL_NOT_SEND
#endif
#ifndef UNSAFE_SEND
#define UNSAFE_SEND FL_UNSAFE_SEND
#endif
#ifndef SYNC
#define SYNC FL_SYNC
#endif
#ifndef NOT_SYNC
#define NOT_SYNC FL_NOT_SYNC
#endif
#ifndef UNSAFE_SYNC
#define UNSAFE_SYNC FL_UNSAFE_SYNC
#endif
#ifndef LOCK_TYPE
#define LOCK_TYPE FL_LOCK_TYPE
#endif
#ifndef GUARDED_BY
#define GUARDED_BY FL_GUARDED_BY
#endif
#ifndef PT_GUARDED_BY
#define PT_GUARDED_BY FL_PT_GUARDED_BY
#endif
#ifndef REQUIRES
#define REQUIRES FL_REQUIRES
#endif
#ifndef REQUIRES_SHARED
#define REQUIRES_SHARED FL_REQUIRES_SHARED
#endif
#ifndef EXCLUDES
#define EXCLUDES FL_EXCLUDES
#endif
#ifndef ACQUIRE
#define ACQUIRE FL_ACQUIRE
#endif
#ifndef ACQUIRE_SHARED
#define ACQUIRE_SHARED FL_ACQUIRE_SHARED
#endif
#ifndef RELEASE
#define RELEASE FL_RELEASE
#endif
#ifndef RELEASE_SHARED
#define RELEASE_SHARED FL_RELEASE_SHARED
#endif
#ifndef TRY_ACQUIRE
#define TRY_ACQUIRE FL_TRY_ACQUIRE
#endif
#ifndef RETURNS_GUARD
#define RETURNS_GUARD FL_RETURNS_GUARD
#endif
#ifndef ACQUIRED_BEFORE
#define ACQUIRED_BEFORE FL_ACQUIRED_BEFORE
#endif
#ifndef ACQUIRED_AFTER
#define ACQUIRED_AFTER FL_ACQUIRED_AFTER
#endif
#ifndef NO_THREAD_SAFETY_ANALYSIS
#define NO_THREAD_SAFETY_ANALYSIS FL_NO_THREAD_SAFETY_ANALYSIS
#endif
#endif /* FEARLESS_NO_SHORT_NAMES */

#endif /* FEARLESS_ANNOTATIONS_H */
