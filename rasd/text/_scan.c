/* Optional compiled loops for rasd.text.tokenize, rasd.text.normalize, rasd.lexicon.matcher and
 * rasd.recognize.figures (the Python code is the reference and the fallback;
 * tests/text/test_tokenize.py, tests/text/test_normalize_compiled.py,
 * tests/lexicon/test_matcher_compiled.py and tests/recognize/test_figures_compiled.py check that
 * both give the same results).
 *
 *   tokenize(text, classes, types, type_of, Token)
 *       the tokens of ``text`` as Token(start, end, text, norm, kind) objects.  ``classes`` (bytes,
 *       one per code point below 0x10000) tells what each character can be, as bit flags built
 *       from the tokenizer's own character classes: DIGIT, WORD, LATIN, PUNCT, GAP.  At each token
 *       start the alternatives are tried in the pattern's order: a number (digits, then groups of
 *       a separator . , ٫ ٬ and digits), a run of word characters, a run of Latin-pattern
 *       characters, a single punctuation mark; gap characters between tokens are skipped (and a
 *       character that is none of these, which the classes never produce, is skipped too).
 *       ``types[token text]`` gives (norm, kind); ``type_of(text)`` is called for a text not in
 *       ``types`` (it adds it).  Raises ValueError for a character at or above 0x10000 (the
 *       caller uses the regex path for such text).
 *
 *   tokenize(text, classes, types, type_of, Token, table, max_types)
 *       the same, and a text not in ``types`` gets its (norm, kind) here when ``table`` (normalize's
 *       table, see there) folds each of its characters: the norm is those characters folded, the
 *       kind that of the alternative that matched (as type_of gives them); it is added to
 *       ``types``, which is emptied first when it holds ``max_types`` entries.  ``type_of`` is
 *       called for the others (a presentation form).  The module's TYPE_NORMS tells this build has it.
 *
 *   tokenize(text, classes, types, type_of, Token, table, max_types, parallel)
 *       with ``parallel`` true: ``(tokens, texts, norms, ids, missing)``, the tokens and, token by
 *       token, their texts, their norms, and (``ids``, a bytearray of native int32) the word id
 *       a ``types`` value may hold as its third item (-1 where it holds none: a (norm, kind) pair,
 *       e.g. a text read here for the first time); ``missing`` lists the positions of those -1.
 *       ``types`` values may be (norm, kind) or (norm, kind, id).  The module's PARALLEL tells
 *       this build has it.
 *
 *   tokenize(text, classes, types, type_of, Token, table, max_types, parallel, vocab)
 *       the same, and a text read here for the first time enters ``types`` as (norm, kind, id) with
 *       ``vocab[norm]`` as its id (``len(vocab)``, entered, when the norm has none yet).
 *
 *   normalize(text, table)
 *       rasd.text.normalize.normalize's folding in one pass, from a table per code point (or None
 *       for text that needs the Python path).
 *
 *   match_words(norm, hits, proclitics, merge, suffixes, max_prefix, orig_index, Match)
 *       the loop of PhraseMatcher.find_all over an Aho-Corasick automaton's hits: the Match objects
 *       of the hits at word boundaries.
 *
 *   longest_first(matches)
 *       the matches (objects with int ``norm_start`` < ``norm_end``) that PhraseMatcher.find keeps:
 *       longest first, ties leftmost, then earliest in the list, each kept when it overlaps no kept
 *       one; returned in text order.
 *
 *   word_tokens(norm, pos, endpos, k, Tok)
 *       the tokens of the pattern ``\w+|[^\w\s]`` (re's Unicode classes) in ``norm[pos:endpos]``
 *       as Tok(start, end, text) objects, at most ``k`` of them (all when ``k`` <= 0): what
 *       ``re.finditer`` over that window gives (rasd.recognize.figures reads the words around numbers).
 *
 *   dfa_hits(text, classes, table, nclasses, outputs, word_end)
 *       an Aho-Corasick automaton's (end index, value) hits, as pyahocorasick's ``iter`` gives them,
 *       from the automaton compiled to a full transition table (rasd.recognize.keyscan).
 *
 *   When ``Token`` (``Match``, ``Tok``) is a slots dataclass whose ``__match_args__`` fields are all writable
 *   object slots of its own (and it has no ``__post_init__``), an object is allocated and its slots
 *   filled directly (what the dataclass ``__init__`` does, without running Python code per object);
 *   any other ``Token`` (``Match``) is called with the values.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stdint.h>

#define C_DIGIT 1
#define C_WORD 2
#define C_LATIN 4
#define C_PUNCT 8
#define C_GAP 16

static int
is_sep(Py_UCS4 c)
{
    return c == '.' || c == ',' || c == 0x066B || c == 0x066C;
}

/* Slots dataclasses whose instances are built by filling their slots directly (what the dataclass
 * ``__init__`` does, without running Python code per object): the type and the byte offsets of its
 * ``__match_args__`` fields. */
#define MAX_FIELDS 8
#define MAX_DIRECT 4
typedef struct {
    PyTypeObject *type;
    Py_ssize_t nfields;
    Py_ssize_t offsets[MAX_FIELDS];
} direct_t;
static direct_t direct_types[MAX_DIRECT];
static int n_direct = 0;

/* The direct_t of ``type`` when its instances can be built by filling ``nfields`` slots, else NULL
 * (the type is then called).  Taken: a slots dataclass with exactly ``nfields`` fields, each a
 * writable object slot of the type itself, in ``__match_args__`` order, and no ``__post_init__``. */
static direct_t *
direct_type(PyObject *type, Py_ssize_t nfields)
{
    for (int d = 0; d < n_direct; d++)
        if ((PyObject *)direct_types[d].type == type)
            return direct_types[d].nfields == nfields ? &direct_types[d] : NULL;
    if (!PyType_Check(type) || n_direct >= MAX_DIRECT || nfields > MAX_FIELDS)
        return NULL;
    PyTypeObject *tp = (PyTypeObject *)type;
    if (tp->tp_alloc == NULL || tp->tp_itemsize != 0 || tp->tp_dictoffset != 0)
        return NULL;
    direct_t *out = NULL;
    direct_t cand = {tp, nfields, {0}};
    PyObject *fields = PyObject_GetAttrString(type, "__dataclass_fields__");
    PyObject *names = PyObject_GetAttrString(type, "__match_args__");
    PyErr_Clear();
    if (fields == NULL || names == NULL || !PyTuple_Check(names) || PyTuple_GET_SIZE(names) != nfields
        || !PyDict_Check(fields) || PyDict_GET_SIZE(fields) != nfields
        || PyObject_HasAttrString(type, "__post_init__"))
        goto done;
    for (Py_ssize_t k = 0; k < nfields; k++) {
        PyObject *descr = PyObject_GetAttr(type, PyTuple_GET_ITEM(names, k));
        if (descr == NULL) {
            PyErr_Clear();
            goto done;
        }
        int member = Py_IS_TYPE(descr, &PyMemberDescr_Type);
        PyMemberDef *m = member ? ((PyMemberDescrObject *)descr)->d_member : NULL;
        int good = m != NULL && m->type == T_OBJECT_EX && !(m->flags & READONLY)
                   && ((PyDescrObject *)descr)->d_type == tp;
        if (good)
            cand.offsets[k] = m->offset;
        Py_DECREF(descr);
        if (!good)
            goto done;
    }
    Py_INCREF(type);
    direct_types[n_direct] = cand;
    out = &direct_types[n_direct++];
done:
    Py_XDECREF(fields);
    Py_XDECREF(names);
    return out;
}

/* A new instance: filled directly when ``d`` is set (new references taken), else ``type(*vals)``. */
static PyObject *
build(direct_t *d, PyObject *type, PyObject *const *vals, Py_ssize_t n)
{
    if (d == NULL)
        return PyObject_Vectorcall(type, vals, n, NULL);
    PyObject *obj = d->type->tp_alloc(d->type, 0);
    if (obj == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < n; k++)
        *(PyObject **)((char *)obj + d->offsets[k]) = Py_NewRef(vals[k]);
    return obj;
}

static PyObject *kind_names[4];  /* "number", "word", "latin", "punct" (interned) */

/* (norm, kind) of the token text[s:i] (``str``), added to ``types``; NULL without an error when a
 * character is left to the Python code (-2 in the table). */
static PyObject *
new_type(PyObject *str, int kind, const void *data, Py_ssize_t s, Py_ssize_t i, const int32_t *T,
         PyObject *kind_name, PyObject *types, Py_ssize_t max_types, PyObject *vocab)
{
    Py_UCS4 small[64];
    Py_UCS4 *buf = i - s <= 64 ? small : PyMem_Malloc(sizeof(Py_UCS4) * (i - s));
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t k = 0;
    for (Py_ssize_t j = s; j < i; j++) {
        int32_t v = T[PyUnicode_READ(kind, data, j)];
        if (v >= 0)
            buf[k++] = (Py_UCS4)v;
        else if (v == -2) {
            if (buf != small)
                PyMem_Free(buf);
            return NULL;
        }
    }
    PyObject *norm = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k);
    if (buf != small)
        PyMem_Free(buf);
    if (norm == NULL)
        return NULL;
    PyObject *info;
    if (vocab != NULL) {  /* (norm, kind, word id): the norm's id, a new one when it has none */
        PyObject *wid = PyDict_GetItemWithError(vocab, norm);  /* borrowed */
        if (wid != NULL)
            Py_INCREF(wid);
        else if (!PyErr_Occurred()) {
            wid = PyLong_FromSsize_t(PyDict_GET_SIZE(vocab));
            if (wid != NULL && PyDict_SetItem(vocab, norm, wid) < 0)
                Py_CLEAR(wid);
        }
        info = wid == NULL ? NULL : PyTuple_Pack(3, norm, kind_name, wid);
        Py_XDECREF(wid);
    }
    else
        info = PyTuple_Pack(2, norm, kind_name);
    Py_DECREF(norm);
    if (info == NULL)
        return NULL;
    if (max_types > 0 && PyDict_GET_SIZE(types) >= max_types)
        PyDict_Clear(types);
    if (PyDict_SetItem(types, str, info) < 0) {
        Py_DECREF(info);
        return NULL;
    }
    return info;
}

static PyObject *
tokenize(PyObject *self, PyObject *args)
{
    PyObject *text, *types, *type_of, *token_type;
    Py_buffer cls, tab = {0};
    Py_ssize_t max_types = 0;
    int parallel = 0;
    PyObject *vocab = NULL;
    if (!PyArg_ParseTuple(args, "Uy*O!OO|y*npO!", &text, &cls, &PyDict_Type, &types, &type_of, &token_type, &tab,
                          &max_types, &parallel, &PyDict_Type, &vocab))
        return NULL;
    PyObject *out = NULL;
    PyObject *texts = NULL, *norms = NULL, *missing = NULL;
    int32_t *wids = NULL;  /* the word ids (parallel), grown with the tokens */
    PyObject **tv = NULL, **nv = NULL;  /* the texts and norms (new references, held of them), as wids */
    Py_ssize_t held = 0;
    Py_ssize_t wcap = 0;
    if (cls.len != 0x10000) {
        PyErr_SetString(PyExc_ValueError, "classes: one byte per code point below 0x10000 expected");
        goto done;
    }
    const int32_t *T = NULL;  /* normalize's table: new types are read here */
    if (tab.buf != NULL) {
        if (tab.len != 0x10000 * (Py_ssize_t)sizeof(int32_t)) {
            PyErr_SetString(PyExc_ValueError, "table: one int32 per code point below 0x10000 expected");
            goto done;
        }
        T = (const int32_t *)tab.buf;
        if (kind_names[0] == NULL) {
            static const char *names[4] = {"number", "word", "latin", "punct"};
            for (int k = 0; k < 4; k++)
                if ((kind_names[k] = PyUnicode_InternFromString(names[k])) == NULL)
                    goto done;
        }
    }
    if (PyUnicode_MAX_CHAR_VALUE(text) >= 0x10000) {
        PyErr_SetString(PyExc_ValueError, "text has characters at or above 0x10000");
        goto done;
    }
    direct_t *direct = direct_type(token_type, 5);
    const unsigned char *C = (const unsigned char *)cls.buf;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    if (parallel) {
        missing = PyList_New(0);
        wcap = n / 4 + 16;  /* a token takes at least one character and most take more */
        wids = PyMem_Malloc(sizeof(int32_t) * wcap);
        tv = PyMem_Malloc(sizeof(PyObject *) * wcap);
        nv = PyMem_Malloc(sizeof(PyObject *) * wcap);
        if (missing == NULL || wids == NULL || tv == NULL || nv == NULL) {
            if (missing != NULL)
                PyErr_NoMemory();
            goto fail;
        }
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        unsigned char f = C[c];
        Py_ssize_t s = i;
        int tk;  /* the alternative: 0 number, 1 word, 2 latin, 3 punct */
        if (f & C_DIGIT) {
            tk = 0;
            i++;
            while (i < n && (C[PyUnicode_READ(kind, data, i)] & C_DIGIT))
                i++;
            while (i + 1 < n && is_sep(PyUnicode_READ(kind, data, i))
                   && (C[PyUnicode_READ(kind, data, i + 1)] & C_DIGIT)) {
                i += 2;
                while (i < n && (C[PyUnicode_READ(kind, data, i)] & C_DIGIT))
                    i++;
            }
        }
        else if (f & C_WORD) {
            tk = 1;
            i++;
            while (i < n && (C[PyUnicode_READ(kind, data, i)] & C_WORD))
                i++;
        }
        else if (f & C_LATIN) {
            tk = 2;
            i++;
            while (i < n && (C[PyUnicode_READ(kind, data, i)] & C_LATIN))
                i++;
        }
        else if (f & C_PUNCT) {
            tk = 3;
            i++;
        }
        else {  /* a gap (or, never, a character no class covers) */
            i++;
            continue;
        }
        PyObject *str = PyUnicode_Substring(text, s, i);
        if (str == NULL)
            goto fail;
        PyObject *info = PyDict_GetItemWithError(types, str);  /* borrowed */
        if (info == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(str);
                goto fail;
            }
            if (T != NULL)
                info = new_type(str, kind, data, s, i, T, kind_names[tk], types, max_types, vocab);
            if (info == NULL && !PyErr_Occurred())
                info = PyObject_CallOneArg(type_of, str);
            if (info == NULL) {
                Py_DECREF(str);
                goto fail;
            }
        }
        else
            Py_INCREF(info);
        if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) < 2 || PyTuple_GET_SIZE(info) > 3) {
            PyErr_SetString(PyExc_TypeError, "types: (norm, kind) or (norm, kind, id) tuples expected");
            Py_DECREF(info);
            Py_DECREF(str);
            goto fail;
        }
        if (parallel) {
            Py_ssize_t at = PyList_GET_SIZE(out);
            long wid = -1;
            if (PyTuple_GET_SIZE(info) == 3) {
                wid = PyLong_AsLong(PyTuple_GET_ITEM(info, 2));
                if (wid == -1 && PyErr_Occurred()) {
                    Py_DECREF(info);
                    Py_DECREF(str);
                    goto fail;
                }
                if (wid < -1 || wid > INT32_MAX)
                    wid = -1;
            }
            if (at >= wcap) {
                Py_ssize_t cap = 2 * wcap;
                int32_t *grown = PyMem_Realloc(wids, sizeof(int32_t) * cap);
                if (grown != NULL)
                    wids = grown;
                PyObject **tg = grown == NULL ? NULL : PyMem_Realloc(tv, sizeof(PyObject *) * cap);
                if (tg != NULL)
                    tv = tg;
                PyObject **ng = tg == NULL ? NULL : PyMem_Realloc(nv, sizeof(PyObject *) * cap);
                if (ng == NULL) {
                    PyErr_NoMemory();
                    Py_DECREF(info);
                    Py_DECREF(str);
                    goto fail;
                }
                nv = ng;
                wcap = cap;
            }
            wids[at] = (int32_t)wid;
            tv[at] = Py_NewRef(str);
            nv[at] = Py_NewRef(PyTuple_GET_ITEM(info, 0));
            held = at + 1;
            int bad = 0;
            if (wid < 0) {
                PyObject *pos = PyLong_FromSsize_t(at);
                bad = pos == NULL || PyList_Append(missing, pos) < 0;
                Py_XDECREF(pos);
            }
            if (bad) {
                Py_DECREF(info);
                Py_DECREF(str);
                goto fail;
            }
        }
        PyObject *start = PyLong_FromSsize_t(s), *end = PyLong_FromSsize_t(i);
        PyObject *tok = NULL;
        if (start != NULL && end != NULL) {
            PyObject *targs[5] = {start, end, str, PyTuple_GET_ITEM(info, 0), PyTuple_GET_ITEM(info, 1)};
            tok = build(direct, token_type, targs, 5);
        }
        Py_XDECREF(start);
        Py_XDECREF(end);
        Py_DECREF(info);
        Py_DECREF(str);
        if (tok == NULL)
            goto fail;
        int rc = PyList_Append(out, tok);
        Py_DECREF(tok);
        if (rc < 0)
            goto fail;
    }
    if (parallel) {
        Py_ssize_t m = PyList_GET_SIZE(out);
        texts = PyList_New(m);
        norms = PyList_New(m);
        PyObject *ids = texts == NULL || norms == NULL ? NULL :
            PyByteArray_FromStringAndSize((const char *)wids, (Py_ssize_t)sizeof(int32_t) * m);
        if (ids != NULL && held == m) {  /* the references move into the lists */
            for (Py_ssize_t k = 0; k < m; k++) {
                PyList_SET_ITEM(texts, k, tv[k]);
                PyList_SET_ITEM(norms, k, nv[k]);
            }
            held = 0;
        }
        else if (ids != NULL) {
            PyErr_SetString(PyExc_SystemError, "tokenize: texts and tokens differ in number");
            Py_CLEAR(ids);
        }
        PyObject *res = ids == NULL ? NULL : PyTuple_Pack(5, out, texts, norms, ids, missing);
        Py_XDECREF(ids);
        Py_SETREF(out, res);
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    Py_XDECREF(texts);
    Py_XDECREF(norms);
    Py_XDECREF(missing);
    for (Py_ssize_t k = 0; k < held; k++) {
        Py_DECREF(tv[k]);
        Py_DECREF(nv[k]);
    }
    PyMem_Free(wids);
    PyMem_Free(tv);
    PyMem_Free(nv);
    PyBuffer_Release(&cls);
    if (tab.buf != NULL)
        PyBuffer_Release(&tab);
    return out;
}

/* match_words(norm, hits, proclitics, merge, suffixes, max_prefix, orig_index, Match): the loop of
 * rasd.lexicon.matcher.PhraseMatcher.find_all over the automaton's hits (see there). */
static PyObject *
match_words(PyObject *self, PyObject *args)
{
    PyObject *norm, *hits, *proclitics, *merge, *suffixes, *oi, *match_type;
    Py_ssize_t max_prefix;
    if (!PyArg_ParseTuple(args, "UOOOOnOO", &norm, &hits, &proclitics, &merge, &suffixes, &max_prefix, &oi,
                          &match_type))
        return NULL;
    if (!PyAnySet_Check(proclitics) || !PyAnySet_Check(merge) || !PyAnySet_Check(suffixes)) {
        PyErr_SetString(PyExc_TypeError, "proclitics, merge, suffixes: sets expected");
        return NULL;
    }
    Py_buffer ob = {0};
    const long *index = NULL;
    Py_ssize_t n_index = 0;
    if (oi != Py_None) {
        if (PyObject_GetBuffer(oi, &ob, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
            return NULL;
        if (ob.itemsize != sizeof(long) || ob.format == NULL || strcmp(ob.format, "l") != 0) {
            PyErr_SetString(PyExc_TypeError, "orig_index: an array('l') expected");
            PyBuffer_Release(&ob);
            return NULL;
        }
        index = (const long *)ob.buf;
        n_index = ob.len / (Py_ssize_t)sizeof(long);
    }
    direct_t *direct = direct_type(match_type, 7);
    int kind = PyUnicode_KIND(norm);
    const void *data = PyUnicode_DATA(norm);
    Py_ssize_t n = PyUnicode_GET_LENGTH(norm);
    int bare_only = PySet_GET_SIZE(suffixes) == 1;
    PyObject *lam = NULL, *empty = NULL;
    PyObject *it = PyObject_GetIter(hits);
    PyObject *out = it == NULL ? NULL : PyList_New(0);
    if (out == NULL)
        goto fail;
    lam = PyUnicode_FromOrdinal(0x0644);  /* ل */
    empty = PyUnicode_New(0, 0);
    if (lam == NULL || empty == NULL)
        goto fail;
    PyObject *hit;
    while ((hit = PyIter_Next(it)) != NULL) {
        PyObject *key, *values, *merged_o;
        Py_ssize_t e, klen;
        if (!PyArg_ParseTuple(hit, "n(OOOn)", &e, &key, &values, &merged_o, &klen)) {
            Py_DECREF(hit);
            goto fail;
        }
        e++;  /* the automaton reports the last character */
        int ok = 1;
        if (e < n && Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, e))) {
            if (bare_only)
                ok = 0;
            else {
                Py_ssize_t we = e + 1;
                while (we < n && Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, we)))
                    we++;
                PyObject *suf = PyUnicode_Substring(norm, e, we);
                int in = suf == NULL ? -1 : PySet_Contains(suffixes, suf);
                Py_XDECREF(suf);
                if (in < 0) {
                    Py_DECREF(hit);
                    goto fail;
                }
                ok = in;
            }
        }
        Py_ssize_t s = e - klen;
        PyObject *prefix = NULL;
        if (ok) {
            if (s > 0 && Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, s - 1))) {
                Py_ssize_t ws = s - 1, stop = s - max_prefix - 1;
                if (stop < 0)
                    stop = 0;
                while (ws > stop && Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, ws - 1)))
                    ws--;
                prefix = PyUnicode_Substring(norm, ws, s);
            }
            else
                prefix = Py_NewRef(empty);
            int merged = prefix == NULL ? 0 : PyObject_IsTrue(merged_o);
            int in = prefix == NULL || merged < 0 ? -1 : PySet_Contains(merged ? merge : proclitics, prefix);
            if (in > 0 && merged) {  /* report the article's lam as part of the prefix */
                PyObject *p2 = PyUnicode_Concat(prefix, lam);
                Py_SETREF(prefix, p2);
                if (p2 == NULL)
                    in = -1;
            }
            if (in < 0) {
                Py_XDECREF(prefix);
                Py_DECREF(hit);
                goto fail;
            }
            ok = in;
        }
        if (ok) {
            Py_ssize_t os = s, oe = e;
            if (index != NULL) {
                if (s < 0 || e - 1 >= n_index) {
                    PyErr_SetString(PyExc_IndexError, "orig_index shorter than the text");
                    ok = -1;
                }
                else {
                    os = index[s];
                    oe = index[e - 1] + 1;
                }
            }
            PyObject *m = NULL;
            if (ok > 0) {
                PyObject *vals[7] = {PyLong_FromSsize_t(os), PyLong_FromSsize_t(oe), key, values, prefix,
                                     PyLong_FromSsize_t(s), PyLong_FromSsize_t(e)};
                if (vals[0] && vals[1] && vals[5] && vals[6])
                    m = build(direct, match_type, vals, 7);
                Py_XDECREF(vals[0]);
                Py_XDECREF(vals[1]);
                Py_XDECREF(vals[5]);
                Py_XDECREF(vals[6]);
            }
            int rc = m == NULL ? -1 : PyList_Append(out, m);
            Py_XDECREF(m);
            if (rc < 0) {
                Py_DECREF(prefix);
                Py_DECREF(hit);
                goto fail;
            }
        }
        Py_XDECREF(prefix);
        Py_DECREF(hit);
    }
    if (PyErr_Occurred())
        goto fail;
    goto done;
fail:
    Py_CLEAR(out);
done:
    Py_XDECREF(it);
    Py_XDECREF(lam);
    Py_XDECREF(empty);
    if (index != NULL)
        PyBuffer_Release(&ob);
    return out;
}

/* normalize(text, table): rasd.text.normalize.normalize in one pass.  ``table`` (bytes: a native
 * int32 per code point below 0x10000) gives each character's normalised code point, -1 for a
 * dropped character, -2 for one this pass does not handle (then, and for a character at or above
 * 0x10000, the result is None and the caller takes the Python path).  Returns (norm, index): index
 * is None when no character was dropped, else bytes of native longs, the original position of each
 * normalised character. */
static PyObject *
normalize(PyObject *self, PyObject *args)
{
    PyObject *text;
    Py_buffer tab;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &tab))
        return NULL;
    PyObject *out = NULL;
    Py_UCS4 *buf = NULL;
    long *index = NULL;
    if (tab.len != 0x10000 * (Py_ssize_t)sizeof(int32_t)) {
        PyErr_SetString(PyExc_ValueError, "table: one int32 per code point below 0x10000 expected");
        goto done;
    }
    const int32_t *T = (const int32_t *)tab.buf;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (PyUnicode_MAX_CHAR_VALUE(text) >= 0x10000) {
        out = Py_NewRef(Py_None);
        goto done;
    }
    buf = PyMem_Malloc(sizeof(Py_UCS4) * (n ? n : 1));
    index = PyMem_Malloc(sizeof(long) * (n ? n : 1));
    if (buf == NULL || index == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int32_t v = T[PyUnicode_READ(kind, data, i)];
        if (v >= 0) {
            buf[k] = (Py_UCS4)v;
            index[k++] = (long)i;
        }
        else if (v == -2) {
            out = Py_NewRef(Py_None);
            goto done;
        }
    }
    PyObject *norm = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k);
    PyObject *idx = k == n ? Py_NewRef(Py_None) : PyBytes_FromStringAndSize((const char *)index, k * sizeof(long));
    if (norm != NULL && idx != NULL)
        out = PyTuple_Pack(2, norm, idx);
    Py_XDECREF(norm);
    Py_XDECREF(idx);
done:
    PyMem_Free(buf);
    PyMem_Free(index);
    PyBuffer_Release(&tab);
    return out;
}

typedef struct {
    Py_ssize_t s, e, i;
} span_t;

static int
by_length(const void *a, const void *b)
{
    const span_t *x = a, *y = b;
    Py_ssize_t lx = x->e - x->s, ly = y->e - y->s;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->i < y->i ? -1 : (x->i > y->i);
}

static int
by_start(const void *a, const void *b)
{
    const span_t *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    return x->i < y->i ? -1 : (x->i > y->i);
}

static int
int_attr(PyObject *obj, PyObject *name, Py_ssize_t *out)
{
    PyObject *v = PyObject_GetAttr(obj, name);
    if (v == NULL)
        return -1;
    *out = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

/* longest_first(matches): what PhraseMatcher.find keeps of find_all's matches (see the top). */
static PyObject *
longest_first(PyObject *self, PyObject *args)
{
    PyObject *cands;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &cands))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(cands);
    PyObject *out = NULL, *ns = PyUnicode_InternFromString("norm_start"), *ne = PyUnicode_InternFromString("norm_end");
    span_t *sp = PyMem_Malloc(sizeof(span_t) * (n ? n : 1));
    unsigned char *taken = NULL;
    if (ns == NULL || ne == NULL || sp == NULL) {
        if (sp == NULL)
            PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t top = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *m = PyList_GET_ITEM(cands, k);
        if (int_attr(m, ns, &sp[k].s) < 0 || int_attr(m, ne, &sp[k].e) < 0)
            goto done;
        if (sp[k].s < 0 || sp[k].e <= sp[k].s) {
            PyErr_SetString(PyExc_ValueError, "a match with an empty or negative span");
            goto done;
        }
        sp[k].i = k;
        if (sp[k].e > top)
            top = sp[k].e;
    }
    qsort(sp, (size_t)n, sizeof(span_t), by_length);
    taken = PyMem_Calloc((size_t)(top ? top : 1), 1);
    if (taken == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t kept = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        int free_ = 1;
        for (Py_ssize_t c = sp[k].s; c < sp[k].e; c++)
            if (taken[c]) {
                free_ = 0;
                break;
            }
        if (!free_)
            continue;
        memset(taken + sp[k].s, 1, (size_t)(sp[k].e - sp[k].s));
        sp[kept++] = sp[k];
    }
    qsort(sp, (size_t)kept, sizeof(span_t), by_start);
    out = PyList_New(kept);
    if (out == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < kept; k++)
        PyList_SET_ITEM(out, k, Py_NewRef(PyList_GET_ITEM(cands, sp[k].i)));
done:
    Py_XDECREF(ns);
    Py_XDECREF(ne);
    PyMem_Free(sp);
    PyMem_Free(taken);
    return out;
}

/* word_tokens(norm, pos, endpos, k, Tok): the matches of \w+|[^\w\s] in norm[pos:endpos] (see the top). */
static PyObject *
word_tokens(PyObject *self, PyObject *args)
{
    PyObject *norm, *tok_type;
    Py_ssize_t pos, endpos, k;
    if (!PyArg_ParseTuple(args, "UnnnO", &norm, &pos, &endpos, &k, &tok_type))
        return NULL;
    direct_t *direct = direct_type(tok_type, 3);
    int kind = PyUnicode_KIND(norm);
    const void *data = PyUnicode_DATA(norm);
    Py_ssize_t n = PyUnicode_GET_LENGTH(norm);
    if (pos < 0)
        pos = 0;
    if (endpos > n)
        endpos = n;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t i = pos, got = 0;
    while (i < endpos && (k <= 0 || got < k)) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t s = i;
        if (Py_UNICODE_ISALNUM(c) || c == '_') {
            i++;
            while (i < endpos) {
                c = PyUnicode_READ(kind, data, i);
                if (!(Py_UNICODE_ISALNUM(c) || c == '_'))
                    break;
                i++;
            }
        }
        else if (Py_UNICODE_ISSPACE(c)) {
            i++;
            continue;
        }
        else
            i++;
        PyObject *vals[3] = {PyLong_FromSsize_t(s), PyLong_FromSsize_t(i), PyUnicode_Substring(norm, s, i)};
        PyObject *tok = vals[0] && vals[1] && vals[2] ? build(direct, tok_type, vals, 3) : NULL;
        Py_XDECREF(vals[0]);
        Py_XDECREF(vals[1]);
        Py_XDECREF(vals[2]);
        if (tok == NULL || PyList_Append(out, tok) < 0) {
            Py_XDECREF(tok);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(tok);
        got++;
    }
    return out;
}

static PyObject *dfa_hits(PyObject *self, PyObject *args);  /* at the end of the file */

static PyMethodDef methods[] = {
    {"tokenize", tokenize, METH_VARARGS,
     "tokenize(text, classes, types, type_of, Token[, table, max_types, parallel, vocab]): the tokens of text (code "
     "points below 0x10000); with normalize's table, new token texts get their (norm, kind) here; with parallel, "
     "(tokens, texts, norms, word ids as int32 bytes, positions without an id)."},
    {"normalize", normalize, METH_VARARGS,
     "normalize(text, table): (norm, index bytes or None), or None where the Python path is needed."},
    {"match_words", match_words, METH_VARARGS,
     "match_words(norm, hits, proclitics, merge, suffixes, max_prefix, orig_index, Match): the matches at "
     "word boundaries among an automaton's hits (rasd.lexicon.matcher.PhraseMatcher.find_all)."},
    {"longest_first", longest_first, METH_VARARGS,
     "longest_first(matches): the non-overlapping matches PhraseMatcher.find keeps (longest first, ties "
     "leftmost), in text order."},
    {"word_tokens", word_tokens, METH_VARARGS,
     "word_tokens(norm, pos, endpos, k, Tok): the matches of \\w+|[^\\w\\s] in norm[pos:endpos], at most k "
     "(all when k <= 0), as Tok(start, end, text) (rasd.recognize.figures)."},
    {"dfa_hits", dfa_hits, METH_VARARGS,
     "dfa_hits(text, classes, table, nclasses, outputs, word_end): an Aho-Corasick automaton's hits from its "
     "full transition table (rasd.recognize.keyscan), as (end index, value) pairs."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "rasd.text._scan", "Compiled loops of rasd.text.tokenize, rasd.text.normalize, rasd.lexicon.matcher and rasd.recognize.figures.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__scan(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && (PyModule_AddIntConstant(m, "TYPE_NORMS", 1) < 0 || PyModule_AddIntConstant(m, "PARALLEL", 1) < 0))
        Py_CLEAR(m);
    return m;
}

/* dfa_hits(text, classes, table, nclasses, outputs, word_end): the hits of an Aho-Corasick automaton
 * compiled to a full transition table (rasd.recognize.keyscan): ``classes`` (bytes, one per code point
 * below 0x10000; 0 for any other) gives each character's class, ``table`` (native int32, row by state,
 * ``nclasses`` a row) the next state, ``outputs[state]`` None or the tuple of values of the keys that
 * end there (longest first).  Returns the list of (index of the key's last character, value), what
 * pyahocorasick's ``Automaton.iter`` gives; with ``word_end`` 1 the hits followed by a letter or digit
 * are left out, with 2 those followed by a letter. */
static PyObject *
dfa_hits(PyObject *self, PyObject *args)
{
    PyObject *text, *outputs, *out = NULL;
    Py_buffer cls = {0}, tab = {0};
    Py_ssize_t nclasses;
    int word_end;
    if (!PyArg_ParseTuple(args, "Uy*y*nO!i", &text, &cls, &tab, &nclasses, &PyTuple_Type, &outputs, &word_end))
        return NULL;
    Py_ssize_t nstates = PyTuple_GET_SIZE(outputs);
    if (cls.len != 0x10000 || nclasses <= 0 || nstates <= 0 || tab.len != nstates * nclasses * (Py_ssize_t)sizeof(int32_t)) {
        PyErr_SetString(PyExc_ValueError, "dfa_hits: tables of the wrong size");
        goto done;
    }
    const uint8_t *cl = (const uint8_t *)cls.buf;
    const int32_t *tb = (const int32_t *)tab.buf;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    Py_ssize_t st = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t k = c < 0x10000 ? cl[c] : 0;
        if (k >= nclasses)
            k = 0;
        st = tb[st * nclasses + k];
        if (st < 0 || st >= nstates) {
            PyErr_SetString(PyExc_ValueError, "dfa_hits: a state out of range");
            Py_CLEAR(out);
            goto done;
        }
        PyObject *vals = PyTuple_GET_ITEM(outputs, st);
        if (vals == Py_None)
            continue;
        if (word_end && i + 1 < n) {
            Py_UCS4 nx = PyUnicode_READ(kind, data, i + 1);
            if (word_end == 1 ? Py_UNICODE_ISALNUM(nx) : Py_UNICODE_ISALPHA(nx))
                continue;
        }
        if (!PyTuple_Check(vals)) {
            PyErr_SetString(PyExc_TypeError, "dfa_hits: outputs must be None or tuples");
            Py_CLEAR(out);
            goto done;
        }
        for (Py_ssize_t v = 0; v < PyTuple_GET_SIZE(vals); v++) {
            PyObject *hit = Py_BuildValue("(nO)", i, PyTuple_GET_ITEM(vals, v));
            if (hit == NULL || PyList_Append(out, hit) < 0) {
                Py_XDECREF(hit);
                Py_CLEAR(out);
                goto done;
            }
            Py_DECREF(hit);
        }
    }
done:
    if (cls.buf != NULL)
        PyBuffer_Release(&cls);
    if (tab.buf != NULL)
        PyBuffer_Release(&tab);
    return out;
}
