/* Optional compiled loops of the events stage (rasd.events).
 *
 * cues_for(tokens, i0, i1, out, cache, plain, forms): the token loop of rasd.events.cues.cues_for in C,
 * with the same result; the word-form lookups it misses (forms(w)) stay in Python.  The Python function
 * is the reference: tests/events/test_events_compiled.py checks that both agree.
 *
 * token_table(tokens, stop_words, number_words): one pass over a document's tokens that lists their
 * starts and where the numbers, punctuation marks, clause stops and number words stand (the reference
 * is rasd.events.cues._token_table).
 *
 * split_hits(hits, n): the hits (end, ((lexicon, value), ...)) of an Aho-Corasick automaton that holds
 * the keys of n lexicons at once, as n lists of (end, value), each in the order of the hits (the
 * reference is rasd.events.scan._split_hits).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *s_norm;   /* "norm" */
static PyObject *s_kind;   /* "kind" */
static PyObject *s_word;   /* "word" */
static PyObject *s_update; /* "update" */

/* 1 when tokens[k + 1 + j].norm == rest[j] for j in 1..len(rest)-1, 0 when not, -1 on error */
static int
rest_matches(PyObject *tokens, Py_ssize_t k, PyObject *rest, Py_ssize_t n)
{
    for (Py_ssize_t j = 1; j < n; j++) {
        PyObject *w = PyObject_GetAttr(PyList_GET_ITEM(tokens, k + 1 + j), s_norm);
        if (w == NULL)
            return -1;
        PyObject *r = PySequence_GetItem(rest, j);
        if (r == NULL) {
            Py_DECREF(w);
            return -1;
        }
        int eq = PyObject_RichCompareBool(w, r, Py_EQ);
        Py_DECREF(w);
        Py_DECREF(r);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

/* cats | the categories of the first multi-word cue of ``group`` that the tokens after k spell out
 * (a new reference), or cats itself (a new reference) when none does; NULL on error */
static PyObject *
multi_cats(PyObject *tokens, Py_ssize_t k, Py_ssize_t i1, PyObject *group, PyObject *cats)
{
    PyObject *seq = PySequence_Fast(group, "a group of multi-word cues must be a sequence");
    if (seq == NULL)
        return NULL;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t g = 0; g < m; g++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, g);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "a multi-word cue must be (rest, categories)");
            return NULL;
        }
        PyObject *rest = PyTuple_GET_ITEM(item, 0), *mcats = PyTuple_GET_ITEM(item, 1);
        Py_ssize_t n = PyObject_Length(rest);
        if (n < 0) {
            Py_DECREF(seq);
            return NULL;
        }
        if (!(k + n < i1))
            continue;
        int ok = rest_matches(tokens, k, rest, n);
        if (ok < 0) {
            Py_DECREF(seq);
            return NULL;
        }
        if (ok) {
            PyObject *u = PyNumber_Or(cats, mcats);
            Py_DECREF(seq);
            return u;
        }
    }
    Py_DECREF(seq);
    Py_INCREF(cats);
    return cats;
}

/* add ``cats`` to out[k] (a new set, or the set already there updated) */
static int
add_cats(PyObject *out, Py_ssize_t k, PyObject *cats)
{
    PyObject *key = PyLong_FromSsize_t(k);
    if (key == NULL)
        return -1;
    PyObject *have = PyDict_GetItemWithError(out, key); /* borrowed */
    int rc;
    if (have == NULL) {
        if (PyErr_Occurred()) {
            Py_DECREF(key);
            return -1;
        }
        PyObject *s = PySet_New(cats);
        if (s == NULL) {
            Py_DECREF(key);
            return -1;
        }
        rc = PyDict_SetItem(out, key, s);
        Py_DECREF(s);
    } else {
        PyObject *r = PyObject_CallMethodOneArg(have, s_update, cats);
        rc = r == NULL ? -1 : 0;
        Py_XDECREF(r);
    }
    Py_DECREF(key);
    return rc;
}

/* one token k: 0 done, -1 error */
static int
token_cues(PyObject *tokens, Py_ssize_t k, Py_ssize_t i1, PyObject *out, PyObject *cache, PyObject *plain,
           PyObject *forms)
{
    PyObject *tok = PyList_GET_ITEM(tokens, k);
    PyObject *w = PyObject_GetAttr(tok, s_norm);
    if (w == NULL)
        return -1;
    int r = PySet_Contains(plain, w);
    if (r != 0) {
        Py_DECREF(w);
        return r < 0 ? -1 : 0;
    }
    PyObject *kind = PyObject_GetAttr(tok, s_kind);
    if (kind == NULL) {
        Py_DECREF(w);
        return -1;
    }
    r = PyObject_RichCompareBool(kind, s_word, Py_NE);
    Py_DECREF(kind);
    if (r != 0) {
        Py_DECREF(w);
        return r < 0 ? -1 : 0;
    }
    PyObject *hit = PyDict_GetItemWithError(cache, w); /* borrowed */
    if (hit != NULL) {
        Py_INCREF(hit);
    } else {
        if (PyErr_Occurred()) {
            Py_DECREF(w);
            return -1;
        }
        hit = PyObject_CallOneArg(forms, w);
    }
    Py_DECREF(w);
    if (hit == NULL)
        return -1;
    if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) != 2) {
        Py_DECREF(hit);
        PyErr_SetString(PyExc_TypeError, "a word form's cues must be (categories, candidates)");
        return -1;
    }
    PyObject *cats = PyTuple_GET_ITEM(hit, 0), *cands = PyTuple_GET_ITEM(hit, 1);
    Py_INCREF(cats);
    if (cands != Py_None && k + 1 < i1) {
        PyObject *nxt = PyObject_GetAttr(PyList_GET_ITEM(tokens, k + 1), s_norm);
        if (nxt == NULL)
            goto fail;
        PyObject *group;
        if (PyDict_CheckExact(cands)) {
            group = PyDict_GetItemWithError(cands, nxt);
            Py_XINCREF(group);
        } else {
            group = PyObject_CallMethod(cands, "get", "O", nxt);
            if (group == Py_None) {
                Py_DECREF(group);
                group = NULL;
            }
        }
        Py_DECREF(nxt);
        if (group == NULL && PyErr_Occurred())
            goto fail;
        if (group != NULL) {
            PyObject *u = multi_cats(tokens, k, i1, group, cats);
            Py_DECREF(group);
            if (u == NULL)
                goto fail;
            Py_DECREF(cats);
            cats = u;
        }
    }
    r = PyObject_IsTrue(cats);
    if (r < 0 || (r > 0 && add_cats(out, k, cats) < 0))
        goto fail;
    Py_DECREF(cats);
    Py_DECREF(hit);
    return 0;
fail:
    Py_DECREF(cats);
    Py_DECREF(hit);
    return -1;
}

static PyObject *
cues_for(PyObject *self, PyObject *args)
{
    PyObject *tokens, *out, *cache, *plain, *forms;
    Py_ssize_t i0, i1;
    if (!PyArg_ParseTuple(args, "O!nnO!O!O!O:cues_for", &PyList_Type, &tokens, &i0, &i1, &PyDict_Type, &out,
                          &PyDict_Type, &cache, &PySet_Type, &plain, &forms))
        return NULL;
    if (i0 < 0 || i1 > PyList_GET_SIZE(tokens)) {
        PyErr_SetString(PyExc_IndexError, "cues_for: token range outside the list");
        return NULL;
    }
    Py_INCREF(tokens);
    for (Py_ssize_t k = i0; k < i1; k++) {
        if (PyList_GET_SIZE(tokens) < i1) {
            Py_DECREF(tokens);
            PyErr_SetString(PyExc_RuntimeError, "cues_for: the token list changed size");
            return NULL;
        }
        if (token_cues(tokens, k, i1, out, cache, plain, forms) < 0) {
            Py_DECREF(tokens);
            return NULL;
        }
    }
    Py_DECREF(tokens);
    Py_RETURN_NONE;
}

static PyObject *s_start;  /* "start" */
static PyObject *s_number; /* "number" */
static PyObject *s_punct;  /* "punct" */

/* append the index i to the list lst: 0, or -1 on error */
static int
append_index(PyObject *lst, Py_ssize_t i)
{
    PyObject *v = PyLong_FromSsize_t(i);
    if (v == NULL)
        return -1;
    int rc = PyList_Append(lst, v);
    Py_DECREF(v);
    return rc;
}

/* token_table(tokens, stop_words, number_words): the pass of rasd.events.cues._token_table in C */
static PyObject *
token_table(PyObject *self, PyObject *args)
{
    PyObject *tokens, *stop_words, *number_words;
    if (!PyArg_ParseTuple(args, "O!O!O!:token_table", &PyList_Type, &tokens, &PyFrozenSet_Type, &stop_words,
                          &PyFrozenSet_Type, &number_words))
        return NULL;
    PyObject *lists[5] = {NULL, NULL, NULL, NULL, NULL}; /* starts, numbers, puncts, stops, number words */
    for (int j = 0; j < 5; j++) {
        lists[j] = PyList_New(0);
        if (lists[j] == NULL)
            goto fail;
    }
    Py_INCREF(tokens);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(tokens); i++) {
        PyObject *tok = PyList_GET_ITEM(tokens, i);
        Py_INCREF(tok);
        PyObject *start = PyObject_GetAttr(tok, s_start);
        PyObject *kind = start == NULL ? NULL : PyObject_GetAttr(tok, s_kind);
        PyObject *w = kind == NULL ? NULL : PyObject_GetAttr(tok, s_norm);
        Py_DECREF(tok);
        int rc = -1;
        if (w != NULL && PyList_Append(lists[0], start) == 0) {
            int number = PyObject_RichCompareBool(kind, s_number, Py_EQ);
            int punct = number != 0 ? 0 : PyObject_RichCompareBool(kind, s_punct, Py_EQ);
            int stop = punct != 0 ? punct : PySet_Contains(stop_words, w);
            int numword = PySet_Contains(number_words, w);
            if (number >= 0 && punct >= 0 && stop >= 0 && numword >= 0
                && !(number && append_index(lists[1], i) < 0) && !(punct && append_index(lists[2], i) < 0)
                && !(stop && append_index(lists[3], i) < 0) && !(numword && append_index(lists[4], i) < 0))
                rc = 0;
        }
        Py_XDECREF(start);
        Py_XDECREF(kind);
        Py_XDECREF(w);
        if (rc < 0) {
            Py_DECREF(tokens);
            goto fail;
        }
    }
    Py_DECREF(tokens);
    PyObject *out = PyTuple_Pack(5, lists[0], lists[1], lists[2], lists[3], lists[4]);
    for (int j = 0; j < 5; j++)
        Py_DECREF(lists[j]);
    return out;
fail:
    for (int j = 0; j < 5; j++)
        Py_XDECREF(lists[j]);
    return NULL;
}

/* split_hits(hits, n): the pass of rasd.events.scan._split_hits in C */
static PyObject *
split_hits(PyObject *self, PyObject *args)
{
    PyObject *hits;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On:split_hits", &hits, &n))
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "split_hits: a negative number of lexicons");
        return NULL;
    }
    PyObject *out = PyTuple_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < n; j++) {
        PyObject *lst = PyList_New(0);
        if (lst == NULL)
            goto fail;
        PyTuple_SET_ITEM(out, j, lst);
    }
    PyObject *it = PyObject_GetIter(hits);
    if (it == NULL)
        goto fail;
    PyObject *hit;
    while ((hit = PyIter_Next(it)) != NULL) {
        int rc = -1;
        if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) != 2 || !PyTuple_Check(PyTuple_GET_ITEM(hit, 1))) {
            PyErr_SetString(PyExc_TypeError, "split_hits: a hit must be (end, ((lexicon, value), ...))");
            goto next;
        }
        PyObject *end = PyTuple_GET_ITEM(hit, 0), *vals = PyTuple_GET_ITEM(hit, 1);
        for (Py_ssize_t g = 0; g < PyTuple_GET_SIZE(vals); g++) {
            PyObject *pair = PyTuple_GET_ITEM(vals, g);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                PyErr_SetString(PyExc_TypeError, "split_hits: a value must be (lexicon, value)");
                goto next;
            }
            Py_ssize_t lex = PyLong_AsSsize_t(PyTuple_GET_ITEM(pair, 0));
            if (lex == -1 && PyErr_Occurred())
                goto next;
            if (lex < 0 || lex >= n) {
                PyErr_SetString(PyExc_IndexError, "split_hits: a lexicon out of range");
                goto next;
            }
            PyObject *item = PyTuple_Pack(2, end, PyTuple_GET_ITEM(pair, 1));
            if (item == NULL)
                goto next;
            int ar = PyList_Append(PyTuple_GET_ITEM(out, lex), item);
            Py_DECREF(item);
            if (ar < 0)
                goto next;
        }
        rc = 0;
    next:
        Py_DECREF(hit);
        if (rc < 0) {
            Py_DECREF(it);
            goto fail;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        goto fail;
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"cues_for", cues_for, METH_VARARGS,
     "cues_for(tokens, i0, i1, out, cache, plain, forms): the token loop of rasd.events.cues.cues_for."},
    {"token_table", token_table, METH_VARARGS,
     "token_table(tokens, stop_words, number_words): the pass of rasd.events.cues._token_table."},
    {"split_hits", split_hits, METH_VARARGS,
     "split_hits(hits, n): the hits of a combined automaton per lexicon (rasd.events.scan._split_hits)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_events", "Compiled loops of the events stage.", -1,
                                    methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC
PyInit__events(void)
{
    s_norm = PyUnicode_InternFromString("norm");
    s_kind = PyUnicode_InternFromString("kind");
    s_word = PyUnicode_InternFromString("word");
    s_update = PyUnicode_InternFromString("update");
    s_start = PyUnicode_InternFromString("start");
    s_number = PyUnicode_InternFromString("number");
    s_punct = PyUnicode_InternFromString("punct");
    if (!s_norm || !s_kind || !s_word || !s_update || !s_start || !s_number || !s_punct)
        return NULL;
    return PyModule_Create(&module);
}
