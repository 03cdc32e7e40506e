/*
 * extract.h: articles in, relation triples out.
 *
 * The extractor is rule-based and deterministic: sentences and tokens,
 * entity mentions (gazetteer, name shape, corporate suffixes, in-article
 * acronyms and coreference), then relation rules read from a rule file that
 * is built into the binary (src/extract/data/rules.txt) plus any rule files
 * the user adds.  Every triple names the rule that fired.
 */
#ifndef KG_EXTRACT_H
#define KG_EXTRACT_H

#include <stddef.h>

#include "kg/doc.h"
#include "kg/error.h"
#include "kg/triple.h"

enum kg_extract_flags {
    KG_EXTRACT_EXPLAIN = 1 << 0 /* fill kg_explain for each triple */
};

typedef struct kg_extract_opts {
    const char *const *rule_files; /* extra rule files, may be NULL */
    size_t nrule_files;
    unsigned flags;                /* enum kg_extract_flags */
} kg_extract_opts;

/* Why a triple was found; only with KG_EXTRACT_EXPLAIN. */
typedef struct kg_explain {
    const char *sentence; /* the sentence as written */
    const char *entities; /* the mentions found: "Microsoft[org] OpenAI[org]" */
    const char *trigger;  /* the words that matched the rule */
    const char *pattern;  /* the rule's pattern as written in the rule file */
} kg_explain;

typedef struct kg_extractor kg_extractor;

/*
 * Build an extractor: load the built-in gazetteer and rules, then the
 * user's rule files.  A bad rule file gives KG_EINVAL naming file and line.
 * The extractor is immutable afterwards and may be shared between threads.
 * Caller frees with kg_extractor_free.
 */
int kg_extractor_new(kg_extractor **out, const kg_extract_opts *opts,
                     kg_error *err);
void kg_extractor_free(kg_extractor *ex);

/*
 * Called once per triple, in a deterministic order (by sentence, then
 * position, then rule).  The triple and its strings are borrowed: valid
 * only during the call.  A non-zero return stops extraction and is
 * returned by kg_extract_doc.
 */
typedef int (*kg_triple_cb)(const kg_triple *t, const kg_explain *why,
                            void *payload);

/*
 * The working memory of kg_extract_doc (tokens, mentions, the names and
 * triples of one article).  Handing the same scratch to call after call
 * reuses its memory instead of allocating it again for every article.
 * A scratch serves one call at a time: give each thread its own.
 */
typedef struct kg_extract_scratch kg_extract_scratch;

/*
 * Make an empty scratch.
 * @param out the scratch; caller frees with kg_extract_scratch_free
 * @return KG_OK or KG_ENOMEM
 */
int kg_extract_scratch_new(kg_extract_scratch **out);
void kg_extract_scratch_free(kg_extract_scratch *scr); /* NULL is fine */

/*
 * Extract the triples of one article.  Safe to call from several threads
 * at once on one extractor, each with its own scratch.
 * @param ex the extractor
 * @param scr working memory to reuse (kg_extract_scratch_new), or NULL for
 *        memory of this call's own
 * @param doc the article
 * @param cb called once per triple, with payload
 * @param err details on failure (may be NULL)
 * @return KG_OK, the callback's non-zero value, or a negative code.
 */
int kg_extract_doc(const kg_extractor *ex, kg_extract_scratch *scr,
                   const kg_doc *doc, kg_triple_cb cb, void *payload,
                   kg_error *err);

/* "rules/<n>-<hash>": names this extractor's rule set in stored revisions. */
const char *kg_extractor_version(const kg_extractor *ex);

#endif
