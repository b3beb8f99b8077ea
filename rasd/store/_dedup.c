/* Compiled inner loops of rasd.store.dedup and rasd.store.sqlite (optional: the Python code there
 * gives the same results, and tests/store/test_dedup_compiled.py checks that they agree).
 *
 *   word_runs(norm)        the runs of word characters of a text (str.isalnum() or '_': the
 *                          standard re engine's \w) joined by single spaces
 *   signature(joined, a, b) the MinHash signature (128 little-endian uint32 as bytes) of the word
 *                          3-shingles of a text's words (joined by single spaces), as
 *                          rasd.store.dedup._signature_of computes it with numpy
 *   stems(norm, prefixes)  the words (runs of word characters) that start with one of the prefixes
 *                          (the first that leaves 3 characters or more), without it, joined by single
 *                          spaces: re.findall(r"\b(?:prefix|...)(\w{3,})") joined
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static uint32_t crc_table[256];

static void
crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

/* zlib.crc32 of a byte string */
static uint32_t
crc32_of(const unsigned char *p, Py_ssize_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static inline int
is_word(Py_UCS4 ch)
{
    return ch == '_' || Py_UNICODE_ISALNUM(ch);
}

static PyObject *
word_runs(PyObject *self, PyObject *args)
{
    PyObject *s;
    if (!PyArg_ParseTuple(args, "U", &s))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    char *buf = PyMem_Malloc((n + 1) * kind);
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t out = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_word(ch)) {
            if (!in_word && out > 0) {
                PyUnicode_WRITE(kind, buf, out, ' ');
                out++;
            }
            PyUnicode_WRITE(kind, buf, out, ch);
            out++;
            in_word = 1;
        } else {
            in_word = 0;
        }
    }
    PyObject *res = PyUnicode_FromKindAndData(kind, buf, out);
    PyMem_Free(buf);
    return res;
}

static inline uint32_t
fmix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    return h ^ (h >> 16);
}

#define NUM_PERM 128

static PyObject *
signature(PyObject *self, PyObject *args)
{
    PyObject *s;
    Py_buffer a, b;
    if (!PyArg_ParseTuple(args, "Uy*y*", &s, &a, &b))
        return NULL;
    PyObject *res = NULL;
    uint32_t *crc = NULL;
    if (a.len != NUM_PERM * 4 || b.len != NUM_PERM * 4) {
        PyErr_SetString(PyExc_ValueError, "signature: a and b must hold 128 uint32");
        goto done;
    }
    Py_ssize_t len;
    const char *raw = PyUnicode_AsUTF8AndSize(s, &len);
    if (raw == NULL)
        goto done;
    /* the words: split at single spaces, as bytes.split(b" ") of a non-empty string */
    Py_ssize_t nw = len ? 1 : 0;
    for (Py_ssize_t i = 0; i < len; i++)
        nw += raw[i] == ' ';
    crc = PyMem_Malloc((nw + 1) * sizeof(uint32_t));
    if (crc == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t w = 0, start = 0;
    for (Py_ssize_t i = 0; len && i <= len; i++) {
        if (i == len || raw[i] == ' ') {
            crc[w++] = crc32_of((const unsigned char *)raw + start, i - start);
            start = i + 1;
        }
    }
    Py_ssize_t nh = nw;
    if (nw >= 3) {  /* shingles: the CRC-32 of three words mixed (low 32 bits, as numpy's uint64) */
        nh = nw - 2;
        for (Py_ssize_t i = 0; i < nh; i++)
            crc[i] = (crc[i] * 0x9E3779B1u) ^ (crc[i + 1] * 0x85EBCA77u) ^ crc[i + 2];
    }
    uint32_t pa[NUM_PERM], pb[NUM_PERM], sig[NUM_PERM];
    memcpy(pa, a.buf, sizeof pa);
    memcpy(pb, b.buf, sizeof pb);
    for (int j = 0; j < NUM_PERM; j++)
        sig[j] = 0xFFFFFFFFu;
    for (Py_ssize_t i = 0; i < nh; i++) {
        uint32_t m = fmix32(crc[i]);
        for (int j = 0; j < NUM_PERM; j++) {
            uint32_t v = pa[j] * m + pb[j];
            sig[j] = v < sig[j] ? v : sig[j];
        }
    }
    unsigned char outb[NUM_PERM * 4];
    for (int j = 0; j < NUM_PERM; j++) {
        outb[4 * j] = sig[j] & 0xFF;
        outb[4 * j + 1] = (sig[j] >> 8) & 0xFF;
        outb[4 * j + 2] = (sig[j] >> 16) & 0xFF;
        outb[4 * j + 3] = (sig[j] >> 24) & 0xFF;
    }
    res = PyBytes_FromStringAndSize((const char *)outb, sizeof outb);
done:
    PyMem_Free(crc);
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    return res;
}

static PyObject *
stems(PyObject *self, PyObject *args)
{
    PyObject *s, *prefixes;
    if (!PyArg_ParseTuple(args, "UO!", &s, &PyTuple_Type, &prefixes))
        return NULL;
    Py_ssize_t np = PyTuple_GET_SIZE(prefixes);
    for (Py_ssize_t k = 0; k < np; k++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(prefixes, k))) {
            PyErr_SetString(PyExc_TypeError, "stems: prefixes must be strings");
            return NULL;
        }
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    char *buf = PyMem_Malloc((n + 1) * kind);
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t out = 0, i = 0;
    while (i < n) {
        if (!is_word(PyUnicode_READ(kind, data, i))) {
            i++;
            continue;
        }
        Py_ssize_t e = i;
        while (e < n && is_word(PyUnicode_READ(kind, data, e)))
            e++;
        for (Py_ssize_t k = 0; k < np; k++) {
            PyObject *p = PyTuple_GET_ITEM(prefixes, k);
            Py_ssize_t pl = PyUnicode_GET_LENGTH(p);
            if (e - i - pl < 3)
                continue;
            int pk = PyUnicode_KIND(p);
            const void *pd = PyUnicode_DATA(p);
            Py_ssize_t q = 0;
            while (q < pl && PyUnicode_READ(pk, pd, q) == PyUnicode_READ(kind, data, i + q))
                q++;
            if (q < pl)
                continue;
            if (out > 0) {
                PyUnicode_WRITE(kind, buf, out, ' ');
                out++;
            }
            for (Py_ssize_t c = i + pl; c < e; c++) {
                PyUnicode_WRITE(kind, buf, out, PyUnicode_READ(kind, data, c));
                out++;
            }
            break;
        }
        i = e;
    }
    PyObject *res = PyUnicode_FromKindAndData(kind, buf, out);
    PyMem_Free(buf);
    return res;
}

static PyMethodDef methods[] = {
    {"word_runs", word_runs, METH_VARARGS,
     "word_runs(norm): the runs of word characters (str.isalnum() or '_') joined by single spaces."},
    {"signature", signature, METH_VARARGS,
     "signature(joined, a, b): the MinHash signature of the word 3-shingles, 128 little-endian uint32."},
    {"stems", stems, METH_VARARGS,
     "stems(norm, prefixes): each word's rest after its first prefix that leaves 3 characters or more."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "rasd.store._dedup",
    "Compiled loops of rasd.store.dedup (words, MinHash) and rasd.store.sqlite (search stems).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__dedup(void)
{
    crc_init();
    return PyModule_Create(&module);
}
