/* maint-json-private.h: strict JSON reading and deterministic JSON writing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shared by the fleet codec (maint-fleet-json.c) and the plan codec.
 *
 * Reading happens in two steps. maint_json_parse() parses the raw bytes
 * itself, strictly (RFC 8259, UTF-8, no duplicate member names, numbers
 * within 64-bit integers and finite doubles) and within the limits below,
 * and builds a json-glib JsonNode tree. json-glib's own JsonParser is not
 * used: version 1.6 accepts comments, single quotes, hex and leading
 * zeros, silently wraps integers beyond 64 bits, keeps the last of two
 * equal members, recurses without a bound and is slow on large fleets.
 *
 * The codecs parse through maint_json_reader_parse(), which keeps the
 * root's large arrays (a fleet's machines, a plan's slots, …) out of the
 * tree after checking them, and hands their elements out one at a time.
 *
 * Then a MaintJsonReader walks the tree. It carries the JSON path of the
 * value being read ("machines[12].group"; the document itself is "$"), and
 * every error it raises starts with that path. Callers iterate the members
 * of an object in document order with MaintJsonMemberIter, so the first
 * error in the document is the one reported. Errors are raised in the
 * caller's domain through a MaintJsonErrorMap.
 */
#pragma once

#ifndef MAINT_COMPILATION
# error "This is a private header of libmaint."
#endif

#include <json-glib/json-glib.h>

#include "maint-interval.h"

G_BEGIN_DECLS

/* Limits of the reader; exceeding one is a LIMIT error. */
/* Bytes per document: a plan of the design's 100,000-VM fleet (with its
 * rollout) is about 69 MB, the fleet about 31 MB */
#define MAINT_JSON_MAX_SIZE      (128 * 1024 * 1024)
#define MAINT_JSON_MAX_SIZE_TEXT "128 MiB"
#define MAINT_JSON_MAX_DEPTH     64                  /* nested arrays/objects */
#define MAINT_JSON_MAX_STRING    4096                /* bytes per string, decoded */
#define MAINT_JSON_MAX_ELEMENTS  2000000             /* per array or object */

/* The kinds of error a codec raises; a MaintJsonErrorMap turns them into
 * codes of the codec's own domain. */
typedef enum {
  MAINT_JSON_ERROR_PARSE,
  MAINT_JSON_ERROR_FORMAT,
  MAINT_JSON_ERROR_INVALID,
  MAINT_JSON_ERROR_REFERENCE,
  MAINT_JSON_ERROR_DUPLICATE,
  MAINT_JSON_ERROR_LIMIT,
  MAINT_JSON_ERROR_IO,
  MAINT_JSON_N_ERRORS
} MaintJsonError;

typedef struct {
  GQuark (*domain) (void);
  int     codes[MAINT_JSON_N_ERRORS];
} MaintJsonErrorMap;

void       maint_json_set_error         (const MaintJsonErrorMap  *map,
                                         GError                  **error,
                                         MaintJsonError            kind,
                                         const char               *format,
                                         ...) G_GNUC_PRINTF (4, 5);

/* Quotes @text as a JSON string for messages: escapes quotes, backslashes
 * and control characters, and cuts long texts with "…". */
char      *maint_json_quote             (const char               *text);

/* Reads a file of at most MAINT_JSON_MAX_SIZE bytes. IO errors name @path. */
gboolean   maint_json_load_file         (const char               *path,
                                         const MaintJsonErrorMap  *map,
                                         char                    **out_data,
                                         gsize                    *out_length,
                                         GError                  **error);

/* Parses @data as described above. Returns the root node (transfer full)
 * or NULL with an error. Syntax errors name the line and column
 * ("line 3, column 7: …"); the other errors the JSON path. */
JsonNode  *maint_json_parse             (const char               *data,
                                         gsize                     length,
                                         const MaintJsonErrorMap  *map,
                                         GError                  **error);

/* Reader */

typedef struct _MaintJsonReader MaintJsonReader;

typedef enum {
  MAINT_JSON_FLAGS_NONE      = 0,
  /* strings: not empty, no control characters (names, ids, references);
   * without any flag a string may be empty and hold control characters */
  MAINT_JSON_FLAGS_NAME      = 1 << 0,
  /* strings: an e-mail address (local@domain.example) */
  MAINT_JSON_FLAGS_EMAIL     = 1 << 1,
  /* strings: a locale such as "de" or "en-GB" */
  MAINT_JSON_FLAGS_LOCALE    = 1 << 2,
  /* arrays: at least one element */
  MAINT_JSON_FLAGS_NON_EMPTY = 1 << 3,
  /* string arrays: no element twice */
  MAINT_JSON_FLAGS_UNIQUE    = 1 << 4,
} MaintJsonFlags;

MaintJsonReader *maint_json_reader_new        (const MaintJsonErrorMap *map);
void             maint_json_reader_free       (MaintJsonReader         *self);
const MaintJsonErrorMap *
                 maint_json_reader_get_error_map (MaintJsonReader      *self);

/* Parses @data as maint_json_parse() does, with the same checks and the
 * same errors, except that the arrays that are members of the root object
 * under one of the names in @deferred (NULL-terminated) come back empty:
 * their elements are checked, then dropped, and
 * maint_json_reader_array_element() parses each again when it is read.
 * A 100,000-machine fleet then never has a tree of all its machines:
 * json-glib's nodes take some ten times the bytes of the text. @data
 * must outlive @self; parse one document per reader. */
JsonNode        *maint_json_reader_parse        (MaintJsonReader       *self,
                                                 const char            *data,
                                                 gsize                  length,
                                                 const char * const    *deferred,
                                                 GError               **error);
/* The number of elements of @array, deferred or not */
guint            maint_json_reader_array_length (MaintJsonReader       *self,
                                                 JsonArray             *array);
/* Element @index_ of @array (transfer full): for a deferred array a new
 * tree of that element alone. NULL with @error only if the document
 * changed since it was parsed. */
JsonNode        *maint_json_reader_array_element (MaintJsonReader      *self,
                                                  JsonArray            *array,
                                                  guint                 index_,
                                                  GError              **error);

/* The path: push a member name or an array index, pop it again. */
void             maint_json_reader_push_member (MaintJsonReader        *self,
                                                const char             *name);
void             maint_json_reader_push_index  (MaintJsonReader        *self,
                                                guint                   index_);
void             maint_json_reader_pop         (MaintJsonReader        *self);
/* "$" for the document itself */
const char      *maint_json_reader_get_path    (MaintJsonReader        *self);

/* Sets "PATH: MESSAGE" and returns FALSE. */
gboolean         maint_json_reader_fail        (MaintJsonReader        *self,
                                                GError                **error,
                                                MaintJsonError          kind,
                                                const char             *format,
                                                ...) G_GNUC_PRINTF (4, 5);

/* Iterates the members of @object in document order; next() pushes the
 * member's name on the path (popping the previous one) and pops the last
 * one when it returns FALSE at the end. */
typedef struct {
  MaintJsonReader *reader;
  JsonObjectIter   iter;
  gboolean         pushed;
} MaintJsonMemberIter;

void             maint_json_member_iter_init   (MaintJsonMemberIter    *iter,
                                                MaintJsonReader        *reader,
                                                JsonObject             *object);
gboolean         maint_json_member_iter_next   (MaintJsonMemberIter    *iter,
                                                const char            **out_name,
                                                JsonNode              **out_node);

/* For a member no field matched (its name is on the path): TRUE for an
 * "x-" extension, which callers skip, else an INVALID error. */
gboolean         maint_json_reader_unknown_member (MaintJsonReader     *self,
                                                   const char          *name,
                                                   GError             **error);
/* Checks that @object (the current path) has each of the NULL-terminated
 * @names: "PATH: missing required field "NAME"". */
gboolean         maint_json_reader_require     (MaintJsonReader        *self,
                                                JsonObject             *object,
                                                const char * const     *names,
                                                GError                **error);
/* Adds @name to @seen, or raises a DUPLICATE error
 * "PATH: duplicate WHAT "NAME"". @seen gets a copy that @self keeps, so
 * @name may go with its node (a deferred array's element). */
gboolean         maint_json_reader_claim       (MaintJsonReader        *self,
                                                GHashTable             *seen,
                                                const char             *name,
                                                const char             *what,
                                                GError                **error);

/* Value readers: each checks @node (the value at the current path) and
 * stores it in *out, or raises an INVALID error naming what was expected
 * and what was found. Returned strings and objects belong to @node. */
gboolean maint_json_read_object    (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    JsonObject      **out,
                                    GError          **error);
gboolean maint_json_read_array     (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    MaintJsonFlags    flags,
                                    JsonArray       **out,
                                    GError          **error);
gboolean maint_json_read_string    (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    MaintJsonFlags    flags,
                                    const char      **out,
                                    GError          **error);
gboolean maint_json_read_bool      (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    gboolean         *out,
                                    GError          **error);
gboolean maint_json_read_uint      (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    guint            *out,
                                    GError          **error);
/* A finite number in [@min, @max]; integers are accepted too. */
gboolean maint_json_read_double    (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    double            min,
                                    double            max,
                                    double           *out,
                                    GError          **error);
gboolean maint_json_read_duration  (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    gint64           *out,
                                    GError          **error);
gboolean maint_json_read_instant   (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    gint64           *out,
                                    GError          **error);
/* A nick of @enum_type other than the one of @excluded (-1: none). */
gboolean maint_json_read_enum      (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    GType             enum_type,
                                    int               excluded,
                                    int              *out,
                                    GError          **error);
/* Element flags as for strings, plus NON_EMPTY and UNIQUE for the array. */
gboolean maint_json_read_strv      (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    MaintJsonFlags    flags,
                                    GStrv            *out,
                                    GError          **error);
/* {"start": INSTANT, "end": INSTANT} with end after start. */
gboolean maint_json_read_interval  (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    MaintInterval   **out,
                                    GError          **error);
/* A zone name the system tz database knows. */
gboolean maint_json_read_time_zone (MaintJsonReader  *self,
                                    JsonNode         *node,
                                    const char      **out,
                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintJsonReader, maint_json_reader_free)

/* Writer: 2-space indentation, members in the order written, strings as
 * UTF-8 with only the escapes JSON requires, a trailing newline. Inline
 * containers (and everything inside them) go on one line:
 * "contacts": ["a@b.example", "c@d.example"]. */

typedef struct _MaintJsonWriter MaintJsonWriter;

MaintJsonWriter *maint_json_writer_new          (void);
void             maint_json_writer_free         (MaintJsonWriter     *self);
/* Frees the writer and returns the document (transfer full). */
char            *maint_json_writer_finish       (MaintJsonWriter     *self,
                                                 gsize               *out_length);

void maint_json_writer_begin_object (MaintJsonWriter *self, gboolean inline_);
void maint_json_writer_end_object   (MaintJsonWriter *self);
void maint_json_writer_begin_array  (MaintJsonWriter *self, gboolean inline_);
void maint_json_writer_end_array    (MaintJsonWriter *self);
/* Writes a member name; the next value written is its value. */
void maint_json_writer_member       (MaintJsonWriter *self, const char *name);

void maint_json_writer_null         (MaintJsonWriter *self);
void maint_json_writer_string       (MaintJsonWriter *self, const char *value);
void maint_json_writer_bool         (MaintJsonWriter *self, gboolean value);
void maint_json_writer_int          (MaintJsonWriter *self, gint64 value);
/* Shortest text that reads back as the same double; always with a "." or
 * an exponent so it reads as a number with a fraction. */
void maint_json_writer_double       (MaintJsonWriter *self, double value);
void maint_json_writer_instant      (MaintJsonWriter *self, gint64 instant);
void maint_json_writer_duration     (MaintJsonWriter *self, gint64 seconds);
void maint_json_writer_enum         (MaintJsonWriter *self, GType enum_type, int value);

/* The nick of @value in @enum_type, "?" if it has none. Static: enum
 * classes live as long as the process once created. */
const char *maint_json_enum_nick    (GType enum_type, int value);
/* An inline array of strings; NULL is written as []. */
void maint_json_writer_strv         (MaintJsonWriter *self, const char * const *strv);
/* An inline {"start": …, "end": …} object. */
void maint_json_writer_interval     (MaintJsonWriter *self, const MaintInterval *interval);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MaintJsonWriter, maint_json_writer_free)

/* "an object", "-1", "a string", … for "expected X, got Y" messages */
char       *maint_json_describe_node  (JsonNode *node);
gboolean    maint_json_node_is_string (JsonNode *node);

G_END_DECLS
