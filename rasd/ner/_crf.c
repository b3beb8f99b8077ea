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
 *   segment_sums(wz, idx, starts, out, r0)
 *       the rows of wz (attributes x labels) at idx summed per segment (a segment runs from one
 *       start to the next), written to out (rows x segments x labels, seen flat) from row r0 on:
 *       numpy's add.reduceat(wz[idx], starts, axis=0) without the copy, and the same doubles:
 *       numpy adds to a segment's first row the pairwise sum of the others (seg_sum below).
 *   table_sums(wz, start, idx, rows, out, r0)
 *       the same for rows of the word-type table (TypeTable): row k's segment j holds the indices
 *       idx[start[S k + j] : start[S k + j + 1]], S = out's segments.
 *
 * Only the buffer protocol is used (no numpy headers): score arrays are C-contiguous float64.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <stdint.h>
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

#define MAX_LABELS 64

/* numpy's pairwise summation (pairwise_sum in numpy/_core/src/umath/loops_utils.h.src), column by
 * column over n rows: below 8 rows a plain running sum from 0, up to 128 rows eight running sums
 * combined as a tree, above that the two halves (the first a multiple of 8 rows) added. */
static void
pairwise(const double **rows, Py_ssize_t n, Py_ssize_t L, double *res)
{
    if (n < 8) {
        for (Py_ssize_t y = 0; y < L; y++)
            res[y] = 0.;
        for (Py_ssize_t i = 0; i < n; i++)
            for (Py_ssize_t y = 0; y < L; y++)
                res[y] += rows[i][y];
    }
    else if (n <= 128) {
        double r[8][MAX_LABELS];
        Py_ssize_t i;
        for (int j = 0; j < 8; j++)
            memcpy(r[j], rows[j], L * sizeof(double));
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++)
                for (Py_ssize_t y = 0; y < L; y++)
                    r[j][y] += rows[i + j][y];
        for (Py_ssize_t y = 0; y < L; y++)
            res[y] = ((r[0][y] + r[1][y]) + (r[2][y] + r[3][y])) + ((r[4][y] + r[5][y]) + (r[6][y] + r[7][y]));
        for (; i < n; i++)
            for (Py_ssize_t y = 0; y < L; y++)
                res[y] += rows[i][y];
    }
    else {
        double right[MAX_LABELS];
        Py_ssize_t n2 = n / 2;
        n2 -= n2 % 8;
        pairwise(rows, n2, L, res);
        pairwise(rows + n2, n - n2, L, right);
        for (Py_ssize_t y = 0; y < L; y++)
            res[y] += right[y];
    }
}

/* one segment of numpy's add.reduceat along the first axis: its first row, plus the pairwise sum
 * of the rest (the reduction starts from the first row and adds the inner loop's pairwise sum) */
static void
seg_sum(const double **rows, Py_ssize_t k, Py_ssize_t L, double *out)
{
    memcpy(out, rows[0], L * sizeof(double));
    if (k > 1) {
        double rest[MAX_LABELS];
        pairwise(rows + 1, k - 1, L, rest);
        for (Py_ssize_t y = 0; y < L; y++)
            out[y] += rest[y];
    }
}

static int
check_sums_target(Py_buffer *wz, Py_buffer *out, Py_ssize_t *L, Py_ssize_t *SEG, Py_ssize_t *R)
{
    if (wz->ndim != 2 || out->ndim != 3 || out->shape[2] != wz->shape[1]) {
        PyErr_SetString(PyExc_ValueError, "wz: (attributes, labels) and out: (rows, segments, labels) expected");
        return -1;
    }
    if (wz->shape[1] > MAX_LABELS) {
        PyErr_SetString(PyExc_ValueError, "more labels than the compiled sums handle");
        return -1;
    }
    *L = wz->shape[1];
    *SEG = out->shape[1];
    *R = out->shape[0];
    return 0;
}

static PyObject *
segment_sums(PyObject *self, PyObject *args)
{
    PyObject *wz_obj, *idx_obj, *starts_obj, *out_obj;
    Py_ssize_t r0;
    if (!PyArg_ParseTuple(args, "OOOOn", &wz_obj, &idx_obj, &starts_obj, &out_obj, &r0))
        return NULL;
    Py_buffer wz = {0}, out = {0};
    Py_ssize_t *idx = NULL, *starts = NULL, n = 0, nseg = 0, L, SEG, R;
    const double **ptrs = NULL;
    PyObject *result = NULL;
    if (get_doubles(wz_obj, &wz, 0, "wz") < 0)
        return NULL;
    if (get_doubles(out_obj, &out, 1, "out") < 0)
        goto done;
    if (check_sums_target(&wz, &out, &L, &SEG, &R) < 0)
        goto done;
    if ((idx = get_indices(idx_obj, &n, "idx")) == NULL || (starts = get_indices(starts_obj, &nseg, "starts")) == NULL)
        goto done;
    if (r0 < 0 || r0 * SEG + nseg > R * SEG) {
        PyErr_SetString(PyExc_ValueError, "out: too few rows");
        goto done;
    }
    for (Py_ssize_t s = 0; s < nseg; s++) {
        Py_ssize_t b = s + 1 < nseg ? starts[s + 1] : n;
        if (starts[s] >= b || b > n) {
            PyErr_SetString(PyExc_ValueError, "starts: empty or unordered segments");
            goto done;
        }
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if (idx[k] >= wz.shape[0]) {
            PyErr_SetString(PyExc_IndexError, "idx: attribute out of range");
            goto done;
        }
    }
    const double *W = (const double *)wz.buf;
    double *O = (double *)out.buf + r0 * SEG * L;
    ptrs = PyMem_Malloc((n ? n : 1) * sizeof(double *));
    if (ptrs == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        ptrs[k] = W + idx[k] * L;
    for (Py_ssize_t s = 0; s < nseg; s++) {
        Py_ssize_t a = starts[s], b = s + 1 < nseg ? starts[s + 1] : n;
        seg_sum(ptrs + a, b - a, L, O + s * L);
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(ptrs);
    PyMem_Free(idx);
    PyMem_Free(starts);
    if (wz.obj)
        PyBuffer_Release(&wz);
    if (out.obj)
        PyBuffer_Release(&out);
    return result;
}

/* the format character of an integer buffer, without a byte-order prefix */
static char
int_format(Py_buffer *v)
{
    const char *f = v->format ? v->format : "B";
    while (*f == '<' || *f == '=' || *f == '@')
        f++;
    return f[0] && !f[1] ? f[0] : '?';
}

static PyObject *
table_sums(PyObject *self, PyObject *args)
{
    PyObject *wz_obj, *start_obj, *idx_obj, *rows_obj, *out_obj;
    Py_ssize_t r0;
    if (!PyArg_ParseTuple(args, "OOOOOn", &wz_obj, &start_obj, &idx_obj, &rows_obj, &out_obj, &r0))
        return NULL;
    Py_buffer wz = {0}, out = {0}, st = {0}, ix = {0};
    Py_ssize_t *rows = NULL, nrows = 0, L, SEG, R, cap = 0;
    const double **ptrs = NULL;
    PyObject *result = NULL;
    if (get_doubles(wz_obj, &wz, 0, "wz") < 0)
        return NULL;
    if (get_doubles(out_obj, &out, 1, "out") < 0)
        goto done;
    if (check_sums_target(&wz, &out, &L, &SEG, &R) < 0)
        goto done;
    if (PyObject_GetBuffer(start_obj, &st, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        goto done;
    if (PyObject_GetBuffer(idx_obj, &ix, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        goto done;
    char sf = int_format(&st), xf = int_format(&ix);
    if (st.itemsize != 8 || (sf != 'l' && sf != 'q') || !((ix.itemsize == 2 && xf == 'H') || (ix.itemsize == 4 && (xf == 'i' || xf == 'l')))) {
        PyErr_SetString(PyExc_TypeError, "start: int64 and idx: uint16 or int32 arrays expected");
        goto done;
    }
    if ((rows = get_indices(rows_obj, &nrows, "rows")) == NULL)
        goto done;
    if (r0 < 0 || r0 + nrows > R) {
        PyErr_SetString(PyExc_ValueError, "out: too few rows");
        goto done;
    }
    const int64_t *S0 = (const int64_t *)st.buf;
    Py_ssize_t nst = st.len / 8, nix = ix.len / ix.itemsize, A = wz.shape[0];
    const double *W = (const double *)wz.buf;
    /* check every segment first: nothing is written unless all are valid */
    for (Py_ssize_t r = 0; r < nrows; r++) {
        for (Py_ssize_t j = 0; j < SEG; j++) {
            Py_ssize_t g = rows[r] * SEG + j;
            if (g + 1 >= nst || S0[g] >= S0[g + 1] || S0[g] < 0 || S0[g + 1] > nix) {
                PyErr_SetString(PyExc_IndexError, "rows: a row outside the table or an empty segment");
                goto done;
            }
            for (int64_t k = S0[g]; k < S0[g + 1]; k++) {
                Py_ssize_t a = ix.itemsize == 2 ? ((const uint16_t *)ix.buf)[k] : ((const int32_t *)ix.buf)[k];
                if (a < 0 || a >= A) {
                    PyErr_SetString(PyExc_IndexError, "idx: attribute out of range");
                    goto done;
                }
            }
        }
    }
    for (Py_ssize_t r = 0; r < nrows; r++) {
        for (Py_ssize_t j = 0; j < SEG; j++) {
            Py_ssize_t g = rows[r] * SEG + j, k = (Py_ssize_t)(S0[g + 1] - S0[g]);
            if (k > cap) {
                PyMem_Free(ptrs);
                cap = 2 * k;
                ptrs = PyMem_Malloc(cap * sizeof(double *));
                if (ptrs == NULL) {
                    PyErr_NoMemory();
                    goto done;
                }
            }
            for (Py_ssize_t q = 0; q < k; q++) {
                int64_t at = S0[g] + q;
                Py_ssize_t a = ix.itemsize == 2 ? ((const uint16_t *)ix.buf)[at] : ((const int32_t *)ix.buf)[at];
                ptrs[q] = W + a * L;
            }
            seg_sum(ptrs, k, L, (double *)out.buf + ((r0 + r) * SEG + j) * L);
        }
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(ptrs);
    PyMem_Free(rows);
    if (wz.obj)
        PyBuffer_Release(&wz);
    if (out.obj)
        PyBuffer_Release(&out);
    if (st.obj)
        PyBuffer_Release(&st);
    if (ix.obj)
        PyBuffer_Release(&ix);
    return result;
}

/* ---- the clitic split and stem of rasd.ner.features (split_clitics, stem_and_base) ----
 *
 *   split_clitics(norm, by_first, counts, lexicon) -> (proclitic, stem)
 *       features.split_clitics: by_first maps a first letter to the proclitics that start with it
 *       (in the order they are tried), counts maps a word to its cluster row (the raw tail
 *       "count\t..." of a LazyRows, or a parsed (count, ids) tuple), lexicon is a dict of words.
 *   stem_bases(norms, by_first, counts, lexicon, digits) -> [(stem, base), ...]
 *       features.stem_and_base of each normalised word; digits: the characters _DIGITS holds.
 */

/* the corpus count of a word (features.Resources.count) into *out: 0 when unknown; -1 and an error
 * set on failure */
static int
word_count(PyObject *counts, PyObject *w, long long *out)
{
    *out = 0;
    PyObject *v = PyDict_GetItemWithError(counts, w);
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (PyUnicode_Check(v)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(v), end = PyUnicode_FindChar(v, '\t', 0, n, 1);
        if (end == -2)
            return -1;
        if (end < 0)
            end = n;
        int kind = PyUnicode_KIND(v);
        const void *data = PyUnicode_DATA(v);
        if (end > 0 && end <= 18) {
            long long c = 0;
            Py_ssize_t i;
            for (i = 0; i < end; i++) {
                Py_UCS4 ch = PyUnicode_READ(kind, data, i);
                if (ch < '0' || ch > '9')
                    break;
                c = 10 * c + (ch - '0');
            }
            if (i == end) {
                *out = c;
                return 0;
            }
        }
        /* anything but plain digits: as int() reads it */
        PyObject *head = PyUnicode_Substring(v, 0, end);
        if (head == NULL)
            return -1;
        PyObject *num = PyLong_FromUnicodeObject(head, 10);
        Py_DECREF(head);
        if (num == NULL)
            return -1;
        *out = PyLong_AsLongLong(num);
        Py_DECREF(num);
        return *out == -1 && PyErr_Occurred() ? -1 : 0;
    }
    /* a parsed row: (count, ids); an empty one counts 0, as `c[0] if c else 0` */
    int truth = PyObject_IsTrue(v);
    if (truth <= 0)
        return truth;
    PyObject *first = PySequence_GetItem(v, 0);
    if (first == NULL)
        return -1;
    *out = PyLong_AsLongLong(first);
    Py_DECREF(first);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

static int
in_dict(PyObject *d, PyObject *w)
{
    return PyDict_Contains(d, w);
}

static const Py_UCS4 ALEF = 0x0627, LAM = 0x0644;

/* whether u starts with the article ال */
static int
starts_al(PyObject *u)
{
    return PyUnicode_GET_LENGTH(u) >= 2 && PyUnicode_READ_CHAR(u, 0) == ALEF && PyUnicode_READ_CHAR(u, 1) == LAM;
}

/* the proclitic and stem of norm (new references in *pre and *stem), or -1 and an error */
static int
split_one(PyObject *norm, PyObject *by_first, PyObject *counts, PyObject *lexicon, PyObject *empty,
          PyObject **pre, PyObject **stem)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(norm);
    PyObject *cands = NULL;
    if (n > 0) {
        PyObject *first = PyUnicode_Substring(norm, 0, 1);
        if (first == NULL)
            return -1;
        cands = PyDict_GetItemWithError(by_first, first);
        Py_DECREF(first);
        if (cands == NULL && PyErr_Occurred())
            return -1;
    }
    if (cands == NULL) {
        Py_INCREF(empty);
        Py_INCREF(norm);
        *pre = empty;
        *stem = norm;
        return 0;
    }
    if (!PyTuple_Check(cands)) {
        PyErr_SetString(PyExc_TypeError, "by_first: tuples of proclitics expected");
        return -1;
    }
    long long best_score;
    if (word_count(counts, norm, &best_score) < 0)
        return -1;
    if (best_score == 0) {
        int r = in_dict(lexicon, norm);
        if (r < 0)
            return -1;
        if (r)
            best_score = 1;
    }
    PyObject *best_pre = empty, *best_stem = norm;
    Py_INCREF(best_pre);
    Py_INCREF(best_stem);
    for (Py_ssize_t c = 0; c < PyTuple_GET_SIZE(cands); c++) {
        PyObject *p = PyTuple_GET_ITEM(cands, c);
        if (!PyUnicode_Check(p) || PyUnicode_GET_LENGTH(p) == 0) {
            PyErr_SetString(PyExc_TypeError, "by_first: non-empty proclitic strings expected");
            goto fail;
        }
        Py_ssize_t lp = PyUnicode_GET_LENGTH(p);
        if (n - lp < 2)
            continue;
        Py_ssize_t at = PyUnicode_Tailmatch(norm, p, 0, n, -1);
        if (at < 0)
            goto fail;
        if (!at)
            continue;
        PyObject *s = PyUnicode_Substring(norm, lp, n);
        if (s == NULL)
            goto fail;
        if (PyUnicode_READ_CHAR(p, lp - 1) == LAM && PyUnicode_READ_CHAR(s, 0) == LAM) {
            /* لل + noun = ل + ال + noun */
            PyObject *alef = PyUnicode_FromOrdinal(ALEF);
            if (alef == NULL) {
                Py_DECREF(s);
                goto fail;
            }
            PyObject *t = PyUnicode_Concat(alef, s);
            Py_DECREF(alef);
            Py_DECREF(s);
            if (t == NULL)
                goto fail;
            s = t;
        }
        long long sc;
        if (word_count(counts, s, &sc) < 0) {
            Py_DECREF(s);
            goto fail;
        }
        if (sc == 0) {
            int r = in_dict(lexicon, s);
            if (r == 0 && starts_al(s)) {
                PyObject *rest = PyUnicode_Substring(s, 2, PyUnicode_GET_LENGTH(s));
                if (rest == NULL) {
                    Py_DECREF(s);
                    goto fail;
                }
                r = in_dict(lexicon, rest);
                Py_DECREF(rest);
            }
            if (r < 0) {
                Py_DECREF(s);
                goto fail;
            }
            if (r)
                sc = 1;
        }
        if (sc > best_score) {
            Py_DECREF(best_pre);
            Py_DECREF(best_stem);
            Py_INCREF(p);
            best_pre = p;
            best_stem = s;
            best_score = sc;
        }
        else
            Py_DECREF(s);
    }
    *pre = best_pre;
    *stem = best_stem;
    return 0;
fail:
    Py_DECREF(best_pre);
    Py_DECREF(best_stem);
    return -1;
}

static int
check_split_args(PyObject *by_first, PyObject *counts, PyObject *lexicon)
{
    if (!PyDict_Check(by_first) || !PyDict_Check(counts) || !PyDict_Check(lexicon)) {
        PyErr_SetString(PyExc_TypeError, "by_first, counts, lexicon: dicts expected");
        return -1;
    }
    return 0;
}

static PyObject *
split_clitics(PyObject *self, PyObject *args)
{
    PyObject *norm, *by_first, *counts, *lexicon, *pre, *stem;
    if (!PyArg_ParseTuple(args, "UOOO", &norm, &by_first, &counts, &lexicon))
        return NULL;
    if (check_split_args(by_first, counts, lexicon) < 0)
        return NULL;
    PyObject *empty = PyUnicode_New(0, 0);
    if (empty == NULL)
        return NULL;
    int r = split_one(norm, by_first, counts, lexicon, empty, &pre, &stem);
    Py_DECREF(empty);
    if (r < 0)
        return NULL;
    PyObject *out = PyTuple_Pack(2, pre, stem);
    Py_DECREF(pre);
    Py_DECREF(stem);
    return out;
}

/* features._shape, as a code: 0 ar, 1 lat, 2 num, 3 hasnum, 4 pun */
enum { SHAPE_AR, SHAPE_LAT, SHAPE_NUM, SHAPE_HASNUM, SHAPE_PUN };

static int
shape_of(PyObject *w, PyObject *digits)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    int all_alpha = n > 0, ascii = 1, any_alpha = 0, all_digit = 1, any_digit = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int alpha = Py_UNICODE_ISALPHA(ch);
        int dig = PyUnicode_FindChar(digits, ch, 0, PyUnicode_GET_LENGTH(digits), 1) >= 0;
        all_alpha &= alpha;
        any_alpha |= alpha;
        ascii &= ch < 128;
        all_digit &= dig;
        any_digit |= dig;
    }
    if (all_alpha)
        return ascii ? SHAPE_LAT : SHAPE_AR;
    if (all_digit)
        return SHAPE_NUM;
    if (any_digit)
        return SHAPE_HASNUM;
    if (!any_alpha)
        return SHAPE_PUN;
    return SHAPE_AR;
}

/* features._digit_key: every digit of w as 0 (a canonical string: the narrowest kind that holds
 * it, else it would not compare equal to Python's) */
static PyObject *
digit_key(PyObject *w, PyObject *digits)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    Py_UCS4 *buf = PyMem_Malloc((n ? n : 1) * sizeof(Py_UCS4));
    if (buf == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(w, i);
        if (PyUnicode_FindChar(digits, ch, 0, PyUnicode_GET_LENGTH(digits), 1) >= 0)
            ch = '0';
        buf[i] = ch;
    }
    PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
    PyMem_Free(buf);
    return out;
}

static PyObject *
stem_bases(PyObject *self, PyObject *args)
{
    PyObject *norms, *by_first, *counts, *lexicon, *digits;
    if (!PyArg_ParseTuple(args, "OOOOU", &norms, &by_first, &counts, &lexicon, &digits))
        return NULL;
    if (check_split_args(by_first, counts, lexicon) < 0)
        return NULL;
    PyObject *seq = PySequence_Fast(norms, "norms");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *out = empty ? PyList_New(n) : NULL;
    if (out == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(seq, i), *pair;
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "norms: strings expected");
            goto fail;
        }
        int shape = shape_of(w, digits);
        if (shape == SHAPE_NUM || shape == SHAPE_HASNUM) {
            PyObject *key = digit_key(w, digits);
            if (key == NULL)
                goto fail;
            pair = PyTuple_Pack(2, key, key);
            Py_DECREF(key);
        }
        else {
            PyObject *pre, *stem, *base;
            if (shape == SHAPE_AR) {
                if (split_one(w, by_first, counts, lexicon, empty, &pre, &stem) < 0)
                    goto fail;
                Py_DECREF(pre);
            }
            else {
                stem = w;
                Py_INCREF(stem);
            }
            if (starts_al(stem) && PyUnicode_GET_LENGTH(stem) > 4)
                base = PyUnicode_Substring(stem, 2, PyUnicode_GET_LENGTH(stem));
            else {
                base = stem;
                Py_INCREF(base);
            }
            if (base == NULL) {
                Py_DECREF(stem);
                goto fail;
            }
            pair = PyTuple_Pack(2, stem, base);
            Py_DECREF(stem);
            Py_DECREF(base);
        }
        if (pair == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, pair);
    }
    Py_DECREF(seq);
    Py_DECREF(empty);
    return out;
fail:
    Py_DECREF(seq);
    Py_XDECREF(empty);
    Py_XDECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"emissions", emissions, METH_VARARGS,
     "emissions(m, ids, lens, offsets, bos, eos, out): a sentence batch's state scores into out."},
    {"viterbi", viterbi, METH_VARARGS,
     "viterbi(em, lens, T, first, after): the best path of each sentence, as label strings."},
    {"segment_sums", segment_sums, METH_VARARGS,
     "segment_sums(wz, idx, starts, out, r0): per-segment sums of wz rows into out from row r0."},
    {"table_sums", table_sums, METH_VARARGS,
     "table_sums(wz, start, idx, rows, out, r0): segment sums of word-type table rows into out."},
    {"split_clitics", split_clitics, METH_VARARGS,
     "split_clitics(norm, by_first, counts, lexicon): features.split_clitics's (proclitic, stem)."},
    {"stem_bases", stem_bases, METH_VARARGS,
     "stem_bases(norms, by_first, counts, lexicon, digits): features.stem_and_base of each word."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "rasd.ner._crf", "Compiled inner loops of rasd.ner.decode.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__crf(void)
{
    return PyModule_Create(&module);
}
