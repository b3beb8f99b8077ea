/* Optional compiled tokenizer scan for rasd.text.tokenize (the Python/regex code is the reference
 * and the fallback; tests/text/test_tokenize.py checks that both give the same tokens).
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
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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

static PyObject *
tokenize(PyObject *self, PyObject *args)
{
    PyObject *text, *types, *type_of, *token_type;
    Py_buffer cls;
    if (!PyArg_ParseTuple(args, "Uy*O!OO", &text, &cls, &PyDict_Type, &types, &type_of, &token_type))
        return NULL;
    PyObject *out = NULL;
    if (cls.len != 0x10000) {
        PyErr_SetString(PyExc_ValueError, "classes: one byte per code point below 0x10000 expected");
        goto done;
    }
    if (PyUnicode_MAX_CHAR_VALUE(text) >= 0x10000) {
        PyErr_SetString(PyExc_ValueError, "text has characters at or above 0x10000");
        goto done;
    }
    const unsigned char *C = (const unsigned char *)cls.buf;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        unsigned char f = C[c];
        Py_ssize_t s = i;
        if (f & C_DIGIT) {
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
            i++;
            while (i < n && (C[PyUnicode_READ(kind, data, i)] & C_WORD))
                i++;
        }
        else if (f & C_LATIN) {
            i++;
            while (i < n && (C[PyUnicode_READ(kind, data, i)] & C_LATIN))
                i++;
        }
        else if (f & C_PUNCT) {
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
            info = PyObject_CallOneArg(type_of, str);
            if (info == NULL) {
                Py_DECREF(str);
                goto fail;
            }
        }
        else
            Py_INCREF(info);
        if (!PyTuple_Check(info) || PyTuple_GET_SIZE(info) != 2) {
            PyErr_SetString(PyExc_TypeError, "types: (norm, kind) tuples expected");
            Py_DECREF(info);
            Py_DECREF(str);
            goto fail;
        }
        PyObject *start = PyLong_FromSsize_t(s), *end = PyLong_FromSsize_t(i);
        PyObject *tok = NULL;
        if (start != NULL && end != NULL) {
            PyObject *targs[5] = {start, end, str, PyTuple_GET_ITEM(info, 0), PyTuple_GET_ITEM(info, 1)};
            tok = PyObject_Vectorcall(token_type, targs, 5, NULL);
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
    goto done;
fail:
    Py_CLEAR(out);
done:
    PyBuffer_Release(&cls);
    return out;
}

static PyMethodDef methods[] = {
    {"tokenize", tokenize, METH_VARARGS,
     "tokenize(text, classes, types, type_of, Token): the tokens of text (code points below 0x10000)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "rasd.text._scan", "Compiled tokenizer scan of rasd.text.tokenize.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__scan(void)
{
    return PyModule_Create(&module);
}
