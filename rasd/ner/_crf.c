/* Optional compiled inner loops of rasd.ner.decode (the numpy/Python code is the reference and the
 * fallback; tests/ner/test_decode.py checks that both give the same numbers and tags).
 *
 *   emissions(m, ids, lens, offsets, bos, eos, out)
 *       out[i] = m[ids[i], 0] + sum over offsets k (in order) of m[ids[i + o_k], 1 + k] when token
 *       i + o_k is in the same sentence; then + bos at each sentence's first token, + eos at its
 *       last.  The additions are made in the order of Decoder.emissions, so the sums are the same
 *       doubles.
 *   viterbi(em, lens, T, first, after)
 *       the best label path of each sentence (rows of em laid end to end), ties to the lowest label
 *       index, as crfsuite and rasd.ner.decode.viterbi; returned as lists of strings:
 *       first[path[0]], then after[path[t - 1]][path[t]].
 *
 * Only the buffer protocol is used (no numpy headers): arrays are C-contiguous float64.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <string.h>

static int
get_doubles(PyObject *obj, Py_buffer *view, int writable, const char *what)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, view, flags) < 0)
        return -1;
    if (view->itemsize != 8 || view->format == NULL || strcmp(view->format, "d") != 0) {
        PyErr_Format(PyExc_TypeError, "%s: a C-contiguous float64 array is needed", what);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* A sequence of non-negative integers as a malloc'ed Py_ssize_t array (NULL and an error set on
 * failure). */
static Py_ssize_t *
get_indices(PyObject *obj, Py_ssize_t *n, const char *what)
{
    PyObject *seq = PySequence_Fast(obj, what);
    if (seq == NULL)
        return NULL;
    Py_ssize_t k = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t *out = PyMem_Malloc((k ? k : 1) * sizeof(Py_ssize_t));
    if (out == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject **items = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t i = 0; i < k; i++) {
        Py_ssize_t v = PyNumber_AsSsize_t(items[i], PyExc_OverflowError);
        if (v == -1 && PyErr_Occurred()) {
            PyMem_Free(out);
            Py_DECREF(seq);
            return NULL;
        }
        if (v < 0) {
            PyErr_Format(PyExc_ValueError, "%s: negative value", what);
            PyMem_Free(out);
            Py_DECREF(seq);
            return NULL;
        }
        out[i] = v;
    }
    Py_DECREF(seq);
    *n = k;
    return out;
}

static PyObject *
emissions(PyObject *self, PyObject *args)
{
    PyObject *m_obj, *ids_obj, *lens_obj, *offs_obj, *bos_obj, *eos_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOOOOOO", &m_obj, &ids_obj, &lens_obj, &offs_obj, &bos_obj, &eos_obj, &out_obj))
        return NULL;
    Py_buffer m = {0}, out = {0}, bos = {0}, eos = {0};
    Py_ssize_t *ids = NULL, *lens = NULL, *sid = NULL, *offs_raw = NULL;
    Py_ssize_t n = 0, S = 0, K = 0;
    PyObject *result = NULL;
    int have_bos = bos_obj != Py_None, have_eos = eos_obj != Py_None;

    if (get_doubles(m_obj, &m, 0, "m") < 0)
        return NULL;
    if (get_doubles(out_obj, &out, 1, "out") < 0)
        goto done;
    if (have_bos && get_doubles(bos_obj, &bos, 0, "bos") < 0) {
        have_bos = 0;
        goto done;
    }
    if (have_eos && get_doubles(eos_obj, &eos, 0, "eos") < 0) {
        have_eos = 0;
        goto done;
    }
    if (m.ndim != 3) {
        PyErr_SetString(PyExc_ValueError, "m: (rows, 1 + offsets, labels) expected");
        goto done;
    }
    Py_ssize_t R = m.shape[0], SEG = m.shape[1], L = m.shape[2];
    /* offsets may be negative: read them without get_indices' sign check */
    PyObject *oseq = PySequence_Fast(offs_obj, "offsets");
    if (oseq == NULL)
        goto done;
    K = PySequence_Fast_GET_SIZE(oseq);
    offs_raw = PyMem_Malloc((K ? K : 1) * sizeof(Py_ssize_t));
    if (offs_raw == NULL) {
        Py_DECREF(oseq);
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < K; k++) {
        offs_raw[k] = PyNumber_AsSsize_t(PySequence_Fast_GET_ITEM(oseq, k), PyExc_OverflowError);
        if (offs_raw[k] == -1 && PyErr_Occurred()) {
            Py_DECREF(oseq);
            goto done;
        }
    }
    Py_DECREF(oseq);
    if (SEG != 1 + K) {
        PyErr_SetString(PyExc_ValueError, "m: one segment per offset plus the token's own expected");
        goto done;
    }
    if ((ids = get_indices(ids_obj, &n, "ids")) == NULL || (lens = get_indices(lens_obj, &S, "lens")) == NULL)
        goto done;
    if (out.len != (Py_ssize_t)(n * L * 8) || (have_bos && bos.len != L * 8) || (have_eos && eos.len != L * 8)) {
        PyErr_SetString(PyExc_ValueError, "out, bos or eos: wrong size");
        goto done;
    }
    sid = PyMem_Malloc((n ? n : 1) * sizeof(Py_ssize_t));
    if (sid == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t total = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        if (total + lens[s] > n) {
            PyErr_SetString(PyExc_ValueError, "lens: longer than ids");
            goto done;
        }
        for (Py_ssize_t i = 0; i < lens[s]; i++)
            sid[total + i] = s;
        total += lens[s];
    }
    if (total != n) {
        PyErr_SetString(PyExc_ValueError, "lens: do not add up to the number of ids");
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (ids[i] >= R) {
            PyErr_SetString(PyExc_IndexError, "ids: row out of range");
            goto done;
        }
    }
    const double *M = (const double *)m.buf;
    double *E = (double *)out.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        double *e = E + i * L;
        const double *own = M + ids[i] * SEG * L;
        memcpy(e, own, L * sizeof(double));
        for (Py_ssize_t k = 0; k < K; k++) {
            Py_ssize_t j = i + offs_raw[k];
            if (j < 0 || j >= n || sid[j] != sid[i])
                continue;
            const double *r = M + (ids[j] * SEG + 1 + k) * L;
            for (Py_ssize_t y = 0; y < L; y++)
                e[y] += r[y];
        }
    }
    total = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        if (lens[s] == 0)
            continue;
        if (have_bos) {
            double *e = E + total * L;
            const double *b = (const double *)bos.buf;
            for (Py_ssize_t y = 0; y < L; y++)
                e[y] += b[y];
        }
        total += lens[s];
    }
    total = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        total += lens[s];
        if (lens[s] == 0)
            continue;
        if (have_eos) {
            double *e = E + (total - 1) * L;
            const double *b = (const double *)eos.buf;
            for (Py_ssize_t y = 0; y < L; y++)
                e[y] += b[y];
        }
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(ids);
    PyMem_Free(lens);
    PyMem_Free(sid);
    PyMem_Free(offs_raw);
    if (m.obj)
        PyBuffer_Release(&m);
    if (out.obj)
        PyBuffer_Release(&out);
    if (have_bos && bos.obj)
        PyBuffer_Release(&bos);
    if (have_eos && eos.obj)
        PyBuffer_Release(&eos);
    return result;
}

static PyObject *
viterbi(PyObject *self, PyObject *args)
{
    PyObject *em_obj, *lens_obj, *T_obj, *first, *after;
    if (!PyArg_ParseTuple(args, "OOOOO", &em_obj, &lens_obj, &T_obj, &first, &after))
        return NULL;
    Py_buffer em = {0}, T = {0};
    Py_ssize_t *lens = NULL, *path = NULL;
    double *D = NULL;
    Py_ssize_t S = 0;
    PyObject *result = NULL;

    if (get_doubles(em_obj, &em, 0, "em") < 0)
        return NULL;
    if (get_doubles(T_obj, &T, 0, "T") < 0)
        goto done;
    if (T.ndim != 2 || T.shape[0] != T.shape[1]) {
        PyErr_SetString(PyExc_ValueError, "T: a square matrix expected");
        goto done;
    }
    Py_ssize_t L = T.shape[0];
    if (!PyList_Check(first) || PyList_GET_SIZE(first) != L || !PyList_Check(after) || PyList_GET_SIZE(after) != L) {
        PyErr_SetString(PyExc_ValueError, "first, after: lists of one entry per label expected");
        goto done;
    }
    for (Py_ssize_t y = 0; y < L; y++) {
        PyObject *row = PyList_GET_ITEM(after, y);
        if (!PyList_Check(row) || PyList_GET_SIZE(row) != L) {
            PyErr_SetString(PyExc_ValueError, "after: a list of lists of one entry per label expected");
            goto done;
        }
    }
    if ((lens = get_indices(lens_obj, &S, "lens")) == NULL)
        goto done;
    Py_ssize_t n = 0, longest = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        n += lens[s];
        if (lens[s] > longest)
            longest = lens[s];
    }
    if (em.len != (Py_ssize_t)(n * L * 8)) {
        PyErr_SetString(PyExc_ValueError, "em: (sum of lens, labels) expected");
        goto done;
    }
    D = PyMem_Malloc((longest ? longest : 1) * L * sizeof(double));
    path = PyMem_Malloc((longest ? longest : 1) * sizeof(Py_ssize_t));
    if (D == NULL || path == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyList_New(S);
    if (result == NULL)
        goto done;
    const double *E = (const double *)em.buf;
    const double *TT = (const double *)T.buf; /* TT[prev * L + cur] */
    Py_ssize_t at = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        Py_ssize_t len = lens[s];
        const double *Es = E + at * L;
        at += len;
        PyObject *tags = PyList_New(len);
        if (tags == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, s, tags);
        if (len == 0)
            continue;
        memcpy(D, Es, L * sizeof(double));
        for (Py_ssize_t t = 1; t < len; t++) {
            const double *prev = D + (t - 1) * L;
            double *cur = D + t * L;
            const double *e = Es + t * L;
            for (Py_ssize_t c = 0; c < L; c++) {
                double best = prev[0] + TT[c];
                for (Py_ssize_t p = 1; p < L; p++) {
                    double v = prev[p] + TT[p * L + c];
                    if (v > best)
                        best = v;
                }
                cur[c] = best + e[c];
            }
        }
        const double *last = D + (len - 1) * L;
        Py_ssize_t arg = 0;
        for (Py_ssize_t c = 1; c < L; c++)
            if (last[c] > last[arg])
                arg = c;
        path[len - 1] = arg;
        for (Py_ssize_t t = len - 1; t > 0; t--) {
            const double *prev = D + (t - 1) * L;
            Py_ssize_t c = path[t];
            Py_ssize_t bp = 0;
            double best = prev[0] + TT[c];
            for (Py_ssize_t p = 1; p < L; p++) {
                double v = prev[p] + TT[p * L + c];
                if (v > best) {
                    best = v;
                    bp = p;
                }
            }
            path[t - 1] = bp;
        }
        PyObject *tag = PyList_GET_ITEM(first, path[0]);
        Py_INCREF(tag);
        PyList_SET_ITEM(tags, 0, tag);
        for (Py_ssize_t t = 1; t < len; t++) {
            tag = PyList_GET_ITEM(PyList_GET_ITEM(after, path[t - 1]), path[t]);
            Py_INCREF(tag);
            PyList_SET_ITEM(tags, t, tag);
        }
    }
done:
    PyMem_Free(lens);
    PyMem_Free(path);
    PyMem_Free(D);
    if (em.obj)
        PyBuffer_Release(&em);
    if (T.obj)
        PyBuffer_Release(&T);
    return result;
}

static PyMethodDef methods[] = {
    {"emissions", emissions, METH_VARARGS,
     "emissions(m, ids, lens, offsets, bos, eos, out): a sentence batch's state scores into out."},
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(em, lens, T, first, after): the best path of each sentence, as label strings."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "rasd.ner._crf", "Compiled inner loops of rasd.ner.decode.", -1, methods,
};

PyMODINIT_FUNC
PyInit__crf(void)
{
    return PyModule_Create(&module);
}
