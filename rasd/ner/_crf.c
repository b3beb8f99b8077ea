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
 *   type_flags(stems, bases, r0, bits, of_base, flags)
 *       TypeScores._add's flag bits of the rows from r0 on, written into flags (uint8).
 *   propagate(sents, stems, min_chars, max_len, surnames)
 *       rasd.ner.propagate.propagate with every token's stem given (see there), or None when the
 *       input is not lists of strings of matching lengths (the Python code then runs).
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
            /* the best over prev labels p of prev[p] + T[p, c], for every c at once: p outer (in
             * ascending order, as a loop over p per c), c inner over contiguous rows of T (the
             * same comparisons, so the same maxima, in a loop the compiler can vectorise) */
            for (Py_ssize_t c = 0; c < L; c++)
                cur[c] = prev[0] + TT[c];
            for (Py_ssize_t p = 1; p < L; p++) {
                const double pp = prev[p], *row = TT + p * L;
                for (Py_ssize_t c = 0; c < L; c++) {
                    double v = pp + row[c];
                    cur[c] = v > cur[c] ? v : cur[c];
                }
            }
            for (Py_ssize_t c = 0; c < L; c++)
                cur[c] += e[c];
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

/* ---- the rest of a sentence batch's scores (rasd.ner.decode.Decoder.emissions) ----
 *
 *   doc_extras(em, ids, lens, flags, bits, stems, bases, pair_index, pair_mat, phrases, last, tick,
 *              want_stems) -> (phrase hits, stems by sentence or None)
 *       the bigram features: for each position p (ascending) whose token and the next stand in the
 *       same sentence, flags[ids[p]] has bits[0] and flags[ids[p + 1]] bits[1], and
 *       k = pair_index[(stems[ids[p]], stems[ids[p + 1]])] exists: em[p] += pair_mat[k, 0],
 *       em[p + 1] += pair_mat[k, 1] (Decoder._add_pairs's additions in its order).  last[ids[i]] =
 *       tick for every token (TypeScores.touch).  The phrase hits: the positions p (ascending, same
 *       sentence as p + 1, flags bits[2] then bits[3]) where (s0, s1), (b0, s1), (s0, b1) or
 *       (b0, b1) is a key of phrases (s: stems, b: bases of the two rows; phrases None: none).
 *       With want_stems, the stem of every token, one list per sentence.
 */
static int
in_pair_dict(PyObject *d, PyObject *a, PyObject *b, Py_ssize_t *k)
{
    PyObject *key = PyTuple_Pack(2, a, b);
    if (key == NULL)
        return -1;
    PyObject *v = PyDict_GetItemWithError(d, key);
    Py_DECREF(key);
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (k != NULL) {
        *k = PyNumber_AsSsize_t(v, PyExc_OverflowError);
        if (*k == -1 && PyErr_Occurred())
            return -1;
    }
    return 1;
}

/* the stem of every token (stems[ids[i]]), one list per sentence of lengths lens */
static PyObject *
stems_by_sentence(PyObject *stems, const Py_ssize_t *ids, const Py_ssize_t *lens, Py_ssize_t S)
{
    PyObject *out = PyList_New(S);
    if (out == NULL)
        return NULL;
    Py_ssize_t at = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        PyObject *lst = PyList_New(lens[s]);
        if (lst == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < lens[s]; i++) {
            PyObject *st = PyList_GET_ITEM(stems, ids[at + i]);
            Py_INCREF(st);
            PyList_SET_ITEM(lst, i, st);
        }
        PyList_SET_ITEM(out, s, lst);
        at += lens[s];
    }
    return out;
}

static PyObject *
doc_extras(PyObject *self, PyObject *args)
{
    PyObject *em_obj, *ids_obj, *lens_obj, *flags_obj, *bits_obj, *stems, *bases, *pair_index, *pm_obj,
        *phrases, *last_obj;
    long long tick;
    int want_stems;
    if (!PyArg_ParseTuple(args, "OOOOOO!O!O!OOOLp", &em_obj, &ids_obj, &lens_obj, &flags_obj, &bits_obj,
                          &PyList_Type, &stems, &PyList_Type, &bases, &PyDict_Type, &pair_index, &pm_obj,
                          &phrases, &last_obj, &tick, &want_stems))
        return NULL;
    Py_buffer em = {0}, pm = {0}, fl = {0}, last = {0};
    Py_ssize_t *ids = NULL, *lens = NULL, n = 0, S = 0;
    unsigned char *sid_end = NULL; /* sid_end[p]: token p + 1 starts another sentence */
    PyObject *hits = NULL, *stem_lists = NULL, *result = NULL;
    unsigned long b_pl, b_pr, b_f1, b_f2;
    if (phrases != Py_None && !PyDict_Check(phrases)) {
        PyErr_SetString(PyExc_TypeError, "phrases: a dict or None expected");
        return NULL;
    }
    if (!PyArg_ParseTuple(bits_obj, "kkkk", &b_pl, &b_pr, &b_f1, &b_f2))
        return NULL;
    if (get_doubles(em_obj, &em, 1, "em") < 0)
        return NULL;
    if (get_doubles(pm_obj, &pm, 0, "pair_mat") < 0)
        goto done;
    if (PyObject_GetBuffer(flags_obj, &fl, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        goto done;
    if (PyObject_GetBuffer(last_obj, &last, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE) < 0)
        goto done;
    if (fl.itemsize != 1 || (int_format(&fl) != 'B') || last.itemsize != 8 ||
        (int_format(&last) != 'l' && int_format(&last) != 'q')) {
        PyErr_SetString(PyExc_TypeError, "flags: uint8 and last: int64 arrays expected");
        goto done;
    }
    if ((ids = get_indices(ids_obj, &n, "ids")) == NULL || (lens = get_indices(lens_obj, &S, "lens")) == NULL)
        goto done;
    if (em.ndim != 2 || em.shape[0] != n || pm.ndim != 3 || pm.shape[1] != 2 || pm.shape[2] != em.shape[1]) {
        PyErr_SetString(PyExc_ValueError, "em: (tokens, labels) and pair_mat: (pairs, 2, labels) expected");
        goto done;
    }
    Py_ssize_t L = em.shape[1], R = fl.len, NS = PyList_GET_SIZE(stems), P = pm.shape[0];
    if (PyList_GET_SIZE(bases) != NS || last.len / 8 < R) {
        PyErr_SetString(PyExc_ValueError, "stems, bases, last: one entry per row expected");
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (ids[i] >= R || ids[i] >= NS) {
            PyErr_SetString(PyExc_IndexError, "ids: row out of range");
            goto done;
        }
    }
    sid_end = PyMem_Malloc(n ? n : 1);
    if (sid_end == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    memset(sid_end, 0, n ? n : 1);
    Py_ssize_t total = 0;
    for (Py_ssize_t s = 0; s < S; s++) {
        total += lens[s];
        if (total > n) {
            PyErr_SetString(PyExc_ValueError, "lens: longer than ids");
            goto done;
        }
        if (lens[s] > 0)
            sid_end[total - 1] = 1;
    }
    if (total != n) {
        PyErr_SetString(PyExc_ValueError, "lens: do not add up to the number of ids");
        goto done;
    }
    const unsigned char *F = (const unsigned char *)fl.buf;
    double *E = (double *)em.buf;
    const double *PM = (const double *)pm.buf;
    int64_t *LAST = (int64_t *)last.buf;
    if ((hits = PyList_New(0)) == NULL)
        goto done;
    for (Py_ssize_t p = 0; p + 1 < n; p++) {
        if (sid_end[p])
            continue;
        unsigned f0 = F[ids[p]], f1 = F[ids[p + 1]];
        if ((f0 & b_pl) && (f1 & b_pr)) {
            Py_ssize_t k;
            int r = in_pair_dict(pair_index, PyList_GET_ITEM(stems, ids[p]), PyList_GET_ITEM(stems, ids[p + 1]), &k);
            if (r < 0)
                goto done;
            if (r) {
                if (k < 0 || k >= P) {
                    PyErr_SetString(PyExc_IndexError, "pair_index: row out of range");
                    goto done;
                }
                const double *h = PM + k * 2 * L;
                double *e = E + p * L;
                for (Py_ssize_t y = 0; y < L; y++)
                    e[y] += h[y];
                for (Py_ssize_t y = 0; y < L; y++)
                    e[L + y] += h[L + y];
            }
        }
        if (phrases != Py_None && (f0 & b_f1) && (f1 & b_f2)) {
            PyObject *s0 = PyList_GET_ITEM(stems, ids[p]), *b0 = PyList_GET_ITEM(bases, ids[p]);
            PyObject *s1 = PyList_GET_ITEM(stems, ids[p + 1]), *b1 = PyList_GET_ITEM(bases, ids[p + 1]);
            int r = in_pair_dict(phrases, s0, s1, NULL);
            if (r == 0)
                r = in_pair_dict(phrases, b0, s1, NULL);
            if (r == 0)
                r = in_pair_dict(phrases, s0, b1, NULL);
            if (r == 0)
                r = in_pair_dict(phrases, b0, b1, NULL);
            if (r < 0)
                goto done;
            if (r) {
                PyObject *at = PyLong_FromSsize_t(p);
                if (at == NULL || PyList_Append(hits, at) < 0) {
                    Py_XDECREF(at);
                    goto done;
                }
                Py_DECREF(at);
            }
        }
    }
    for (Py_ssize_t i = 0; i < n; i++)
        LAST[ids[i]] = tick;
    if (want_stems) {
        if ((stem_lists = stems_by_sentence(stems, ids, lens, S)) == NULL)
            goto done;
    }
    else {
        stem_lists = Py_None;
        Py_INCREF(stem_lists);
    }
    result = PyTuple_Pack(2, hits, stem_lists);
done:
    Py_XDECREF(hits);
    Py_XDECREF(stem_lists);
    PyMem_Free(ids);
    PyMem_Free(lens);
    PyMem_Free(sid_end);
    if (em.obj)
        PyBuffer_Release(&em);
    if (pm.obj)
        PyBuffer_Release(&pm);
    if (fl.obj)
        PyBuffer_Release(&fl);
    if (last.obj)
        PyBuffer_Release(&last);
    return result;
}

/* ---- the attribute indices of new word types (rasd.ner.decode.TypeScores.segments) ----
 *
 *   type_segments(norms, ctx) -> (idx, starts, stems, bases)
 *       for each normalised word, Featurizer.parts's feature strings looked up as TypeScores.segments
 *       does (the token's own in index, each neighbour offset's in its own dict; an unknown one is
 *       zero), laid end to end in idx, each segment's start in starts; and the word's stem and base.
 *       ctx = (by_first, counts, lexicon, digits, index, nb_index, near, zero, use_lexicon,
 *              clusters, cluster_names, freq, profiles, profile_names):
 *       counts: the clusters' raw rows (for the split); clusters: the same, or None when the
 *       features have no clusters; profiles: the profiles' raw rows or None; a raw row is its tail
 *       string or what LazyRows parsed it into.
 *       An optional 15th item of ctx, filt (bytes of a power-of-two length, from feature_filter over
 *       index and nb_index, or None): a feature whose hash bit is clear there is known to be in none
 *       of those dicts, so it gets zero without a look-up (most features of new words are unknown,
 *       and the look-ups' cache misses were most of the time).
 */
typedef struct {
    PyObject *by_first, *counts, *lexicon, *digits, *index, *nb_index, *near, *use_lexicon;
    PyObject *clusters, *cluster_names, *freq, *profiles, *profile_names;
    Py_ssize_t zero;
    PyObject *empty;
    const unsigned char *filt; /* NULL: look every feature up */
    size_t filt_mask;
} FeatCtx;

static PyObject *P_w, *P_s, *P_b, *P_pre, *P_shape, *P_len, *P_b2, *P_b3, *P_x1, *P_x2, *P_x3, *P_al, *P_L,
    *P_cunk, *P_f0, *P_ar, *P_lat, *P_num, *P_hasnum, *P_pun, *P_eq, *P_article, *P_lens[8];

static int
init_prefixes(void)
{
    if (P_w != NULL)
        return 0;
#define MK(var, text)                                   \
    if ((var = PyUnicode_InternFromString(text)) == NULL) \
        return -1;
    MK(P_s, "s=") MK(P_b, "b=") MK(P_pre, "pre=") MK(P_shape, "shape=") MK(P_len, "len=")
    MK(P_b2, "b2=") MK(P_b3, "b3=") MK(P_x1, "x1=") MK(P_x2, "x2=") MK(P_x3, "x3=") MK(P_al, "al")
    MK(P_L, "L=") MK(P_cunk, "c=unk") MK(P_f0, "f=0") MK(P_ar, "ar") MK(P_lat, "lat") MK(P_num, "num")
    MK(P_hasnum, "hasnum") MK(P_pun, "pun") MK(P_eq, "=")
    MK(P_lens[0], "0") MK(P_lens[1], "1") MK(P_lens[2], "2") MK(P_lens[3], "3") MK(P_lens[4], "4")
    MK(P_lens[5], "5") MK(P_lens[7], "7")
#undef MK
    P_lens[6] = NULL;
    if ((P_article = PyUnicode_FromOrdinal(ALEF)) == NULL)
        return -1;
    PyObject *lam = PyUnicode_FromOrdinal(LAM);
    if (lam == NULL)
        return -1;
    Py_SETREF(P_article, PyUnicode_Concat(P_article, lam));
    Py_DECREF(lam);
    if (P_article == NULL)
        return -1;
    if ((P_w = PyUnicode_InternFromString("w=")) == NULL)
        return -1;
    return 0;
}

/* append prefix + s to list (0, or -1 and an error) */
static int
push_cat(PyObject *list, PyObject *prefix, PyObject *s)
{
    PyObject *f = PyUnicode_Concat(prefix, s);
    if (f == NULL)
        return -1;
    int r = PyList_Append(list, f);
    Py_DECREF(f);
    return r;
}

/* append prefix + s[a:b] (clamped as a Python slice of a non-negative/negative bound) */
static int
push_slice(PyObject *list, PyObject *prefix, PyObject *s, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (a < 0)
        a = a + n < 0 ? 0 : a + n;
    if (b > n)
        b = n;
    if (b < a)
        b = a;
    PyObject *sub = PyUnicode_Substring(s, a, b);
    if (sub == NULL)
        return -1;
    int r = push_cat(list, prefix, sub);
    Py_DECREF(sub);
    return r;
}

/* the look-up of a raw row: str tail or parsed (borrowed; NULL without error when absent) */
static PyObject *
raw_get(PyObject *d, PyObject *w)
{
    return PyDict_GetItemWithError(d, w);
}

/* a cluster row's (count, ids) as new references: ids a tuple of strings */
static int
cluster_row(PyObject *v, long long *count, PyObject **ids)
{
    if (PyUnicode_Check(v)) {
        PyObject *tab = PyUnicode_FromOrdinal('\t');
        if (tab == NULL)
            return -1;
        PyObject *parts = PyUnicode_Split(v, tab, -1);
        Py_DECREF(tab);
        if (parts == NULL)
            return -1;
        PyObject *num = PyLong_FromUnicodeObject(PyList_GET_ITEM(parts, 0), 10);
        if (num == NULL) {
            Py_DECREF(parts);
            return -1;
        }
        *count = PyLong_AsLongLong(num);
        Py_DECREF(num);
        if (*count == -1 && PyErr_Occurred()) {
            Py_DECREF(parts);
            return -1;
        }
        *ids = PyList_GetSlice(parts, 1, PyList_GET_SIZE(parts));
        Py_DECREF(parts);
        return *ids == NULL ? -1 : 0;
    }
    if (!PyTuple_Check(v) || PyTuple_GET_SIZE(v) != 2) {
        PyErr_SetString(PyExc_TypeError, "clusters: a raw row or a (count, ids) tuple expected");
        return -1;
    }
    *count = PyLong_AsLongLong(PyTuple_GET_ITEM(v, 0));
    if (*count == -1 && PyErr_Occurred())
        return -1;
    *ids = PyTuple_GET_ITEM(v, 1);
    Py_INCREF(*ids);
    return 0;
}

/* a profile row's features (a new list), as features._profile_row */
static PyObject *
profile_row(PyObject *v, PyObject *names)
{
    if (!PyUnicode_Check(v))
        return PySequence_List(v);
    PyObject *tab = PyUnicode_FromOrdinal('\t');
    if (tab == NULL)
        return NULL;
    PyObject *parts = PyUnicode_Split(v, tab, -1);
    Py_DECREF(tab);
    if (parts == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(parts);
    if (n != PyTuple_GET_SIZE(names)) {
        Py_DECREF(parts);
        PyErr_SetString(PyExc_ValueError, "profiles: a row with another number of fields than the header");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *x = PyList_GET_ITEM(parts, i);
        if (PyUnicode_GET_LENGTH(x) == 1 && PyUnicode_READ_CHAR(x, 0) == '0')
            continue;
        if (push_cat(out, PyTuple_GET_ITEM(names, i), x) < 0)
            Py_CLEAR(out);
    }
    Py_DECREF(parts);
    return out;
}

/* the lexicon kinds of a word (features.Featurizer._lex): a new sorted list */
static PyObject *
lex_kinds(FeatCtx *c, PyObject *norm, PyObject *stem, PyObject *base)
{
    PyObject *set = PySet_New(NULL);
    if (set == NULL)
        return NULL;
    PyObject *al_base = PyUnicode_Concat(P_article, base);
    if (al_base == NULL)
        goto fail;
    PyObject *keys[4] = {norm, stem, base, al_base};
    for (int i = 0; i < 4; i++) {
        PyObject *k = PyDict_GetItemWithError(c->lexicon, keys[i]);
        if (k == NULL) {
            if (PyErr_Occurred())
                goto fail;
            continue;
        }
        PyObject *it = PyObject_GetIter(k);
        if (it == NULL)
            goto fail;
        PyObject *x;
        while ((x = PyIter_Next(it)) != NULL) {
            int r = PySet_Add(set, x);
            Py_DECREF(x);
            if (r < 0)
                break;
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            goto fail;
    }
    Py_DECREF(al_base);
    PyObject *out = PySequence_List(set);
    Py_DECREF(set);
    if (out != NULL && PyList_Sort(out) < 0)
        Py_CLEAR(out);
    return out;
fail:
    Py_XDECREF(al_base);
    Py_DECREF(set);
    return NULL;
}

/* append the index of every feature of feats (dict index, unknown: zero) to idx; with filt, a
 * feature whose hash bit is clear is not looked up (no key of index has that bit) */
static int
push_ids(PyObject *idx, PyObject *feats, PyObject *index, PyObject *zero, const unsigned char *filt, size_t mask)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(feats); i++) {
        PyObject *f = PyList_GET_ITEM(feats, i), *v = NULL;
        if (filt != NULL) {
            Py_hash_t h = PyObject_Hash(f);
            if (h == -1)
                return -1;
            size_t x = (size_t)h & mask;
            if (!(filt[x >> 3] & (1u << (x & 7)))) {
                if (PyList_Append(idx, zero) < 0)
                    return -1;
                continue;
            }
        }
        v = PyDict_GetItemWithError(index, f);
        if (v == NULL && PyErr_Occurred())
            return -1;
        if (PyList_Append(idx, v != NULL ? v : zero) < 0)
            return -1;
    }
    return 0;
}

/* the cluster features of a word (Featurizer.parts): its own (every granularity, then the
 * frequency band) into own, the two middle granularities into near; c=unk when it has no row */
static int
add_cluster_feats(FeatCtx *c, PyObject *norm, PyObject *stem, PyObject *own, PyObject *near)
{
    PyObject *row = raw_get(c->clusters, norm), *ids = NULL;
    if (row == NULL && !PyErr_Occurred())
        row = raw_get(c->clusters, stem);
    if (row == NULL && PyErr_Occurred())
        return -1;
    if (row == NULL)
        return PyList_Append(own, P_cunk) < 0 || PyList_Append(own, P_f0) < 0 || PyList_Append(near, P_cunk) < 0
            ? -1 : 0;
    long long count;
    if (cluster_row(row, &count, &ids) < 0)
        return -1;
    PyObject *ids_seq = PySequence_Fast(ids, "cluster ids");
    Py_DECREF(ids);
    if (ids_seq == NULL)
        return -1;
    Py_ssize_t nn = PyTuple_GET_SIZE(c->cluster_names), ni = PySequence_Fast_GET_SIZE(ids_seq);
    int bad = 0;
    for (Py_ssize_t i = 0; !bad && i < nn; i++) {
        if (i >= ni) {
            PyErr_SetString(PyExc_IndexError, "clusters: a row with fewer ids than names");
            bad = 1;
            break;
        }
        PyObject *head = PyUnicode_Concat(PyTuple_GET_ITEM(c->cluster_names, i), P_eq), *f = NULL;
        if (head != NULL) {
            f = PyUnicode_Concat(head, PySequence_Fast_GET_ITEM(ids_seq, i));
            Py_DECREF(head);
        }
        if (f == NULL || PyList_Append(own, f) < 0 || ((i == 1 || i == 2) && PyList_Append(near, f) < 0))
            bad = 1;
        Py_XDECREF(f);
    }
    Py_DECREF(ids_seq);
    if (bad)
        return -1;
    /* the log2 band of the count: min((count + 1).bit_length() - 1, 14) */
    unsigned long long v = (unsigned long long)count + 1;
    int bits = 0;
    while (v) {
        bits++;
        v >>= 1;
    }
    int band = bits - 1 < 14 ? bits - 1 : 14;
    if (count < 0 || band < 0 || band >= PyTuple_GET_SIZE(c->freq)) {
        PyErr_SetString(PyExc_ValueError, "clusters: a count out of range");
        return -1;
    }
    return PyList_Append(own, PyTuple_GET_ITEM(c->freq, band));
}

/* the context-profile features of a word (the word's row, else its stem's, when not empty) */
static int
add_profile_feats(FeatCtx *c, PyObject *norm, PyObject *stem, PyObject *own)
{
    PyObject *keys[2] = {norm, stem};
    for (int i = 0; i < 2; i++) {
        PyObject *row = raw_get(c->profiles, keys[i]);
        if (row == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        PyObject *prof = profile_row(row, c->profile_names);
        if (prof == NULL)
            return -1;
        Py_ssize_t k = PyList_GET_SIZE(prof), n0 = PyList_GET_SIZE(own);
        int r = k > 0 ? PyList_SetSlice(own, n0, n0, prof) : 0;
        Py_DECREF(prof);
        if (r < 0 || k > 0)
            return r;
    }
    return 0;
}

/* own, near and far features, stem and base of one word (new references; -1 and an error) */
static int
word_parts(FeatCtx *c, PyObject *norm, PyObject **own_o, PyObject **near_o, PyObject **far_o,
           PyObject **stem_o, PyObject **base_o)
{
    PyObject *own = PyList_New(0), *near = NULL, *far = NULL, *stem = NULL, *base = NULL, *pre = NULL;
    PyObject *kinds = NULL;
    if (own == NULL)
        return -1;
    int shape = shape_of(norm, c->digits);
    if (shape == SHAPE_NUM || shape == SHAPE_HASNUM) {
        PyObject *sh = shape == SHAPE_NUM ? P_num : P_hasnum;
        stem = digit_key(norm, c->digits);
        if (stem == NULL)
            goto fail;
        base = stem;
        Py_INCREF(base);
        near = PyList_New(0);
        if (near == NULL || push_cat(own, P_shape, sh) < 0 || push_slice(own, P_w, stem, 0, 6) < 0 ||
            push_cat(near, P_shape, sh) < 0)
            goto fail;
        far = near;
        Py_INCREF(far);
        goto done;
    }
    if (shape == SHAPE_AR) {
        if (split_one(norm, c->by_first, c->counts, c->lexicon, c->empty, &pre, &stem) < 0)
            goto fail;
    }
    else {
        pre = c->empty;
        stem = norm;
        Py_INCREF(pre);
        Py_INCREF(stem);
    }
    if (starts_al(stem) && PyUnicode_GET_LENGTH(stem) > 4)
        base = PyUnicode_Substring(stem, 2, PyUnicode_GET_LENGTH(stem));
    else {
        base = stem;
        Py_INCREF(base);
    }
    if (base == NULL)
        goto fail;
    Py_ssize_t nb = PyUnicode_GET_LENGTH(base);
    PyObject *sh = shape == SHAPE_AR ? P_ar : shape == SHAPE_LAT ? P_lat : P_pun;
    if (push_cat(own, P_w, norm) < 0 || push_cat(own, P_s, stem) < 0 || push_cat(own, P_b, base) < 0 ||
        push_cat(own, P_pre, pre) < 0 || push_cat(own, P_shape, sh) < 0 ||
        push_cat(own, P_len, P_lens[nb < 5 ? nb : nb < 7 ? 5 : 7]) < 0 || push_slice(own, P_b2, base, 0, 2) < 0 ||
        push_slice(own, P_b3, base, 0, 3) < 0 || push_slice(own, P_x1, base, -1, nb) < 0 ||
        push_slice(own, P_x2, base, -2, nb) < 0 || push_slice(own, P_x3, base, -3, nb) < 0)
        goto fail;
    if (base != stem && PyList_Append(own, P_al) < 0)
        goto fail;
    near = PyList_New(0);
    if (near == NULL || push_cat(near, P_s, stem) < 0)
        goto fail;
    if (PyObject_IsTrue(c->use_lexicon)) {
        if ((kinds = lex_kinds(c, norm, stem, base)) == NULL)
            goto fail;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(kinds); i++) {
            PyObject *f = PyUnicode_Concat(P_L, PyList_GET_ITEM(kinds, i));
            if (f == NULL)
                goto fail;
            int r = PyList_Append(own, f) < 0 || PyList_Append(near, f) < 0;
            Py_DECREF(f);
            if (r)
                goto fail;
        }
    }
    far = PyList_GetSlice(near, 0, PyList_GET_SIZE(near));
    if (far == NULL)
        goto fail;
    if (c->clusters != Py_None && add_cluster_feats(c, norm, stem, own, near) < 0)
        goto fail;
    if (c->profiles != Py_None && add_profile_feats(c, norm, stem, own) < 0)
        goto fail;
done:
    Py_XDECREF(pre);
    Py_XDECREF(kinds);
    *own_o = own;
    *near_o = near;
    *far_o = far;
    *stem_o = stem;
    *base_o = base;
    return 0;
fail:
    Py_XDECREF(own);
    Py_XDECREF(near);
    Py_XDECREF(far);
    Py_XDECREF(stem);
    Py_XDECREF(base);
    Py_XDECREF(pre);
    Py_XDECREF(kinds);
    return -1;
}

static PyObject *
type_segments(PyObject *self, PyObject *args)
{
    PyObject *norms, *ctx_t;
    if (!PyArg_ParseTuple(args, "OO!", &norms, &PyTuple_Type, &ctx_t))
        return NULL;
    if (init_prefixes() < 0)
        return NULL;
    FeatCtx c;
    PyObject *filt = Py_None;
    if (!PyArg_ParseTuple(ctx_t, "O!O!O!UO!O!O!nOOO!O!OO!|O", &PyDict_Type, &c.by_first, &PyDict_Type, &c.counts,
                          &PyDict_Type, &c.lexicon, &c.digits, &PyDict_Type, &c.index, &PyTuple_Type, &c.nb_index,
                          &PyTuple_Type, &c.near, &c.zero, &c.use_lexicon, &c.clusters, &PyTuple_Type,
                          &c.cluster_names, &PyTuple_Type, &c.freq, &c.profiles, &PyTuple_Type, &c.profile_names,
                          &filt))
        return NULL;
    c.filt = NULL;
    c.filt_mask = 0;
    if (filt != Py_None) {
        Py_ssize_t nb = PyBytes_Check(filt) ? PyBytes_GET_SIZE(filt) : 0;
        if (nb < 1 || (nb & (nb - 1)) != 0) {
            PyErr_SetString(PyExc_TypeError, "ctx: the filter is bytes of a power-of-two length, or None");
            return NULL;
        }
        c.filt = (const unsigned char *)PyBytes_AS_STRING(filt);
        c.filt_mask = (size_t)nb * 8 - 1;
    }
    Py_ssize_t K = PyTuple_GET_SIZE(c.nb_index);
    if (PyTuple_GET_SIZE(c.near) != K || (c.clusters != Py_None && !PyDict_Check(c.clusters)) ||
        (c.profiles != Py_None && !PyDict_Check(c.profiles))) {
        PyErr_SetString(PyExc_TypeError, "ctx: one near flag per offset, clusters and profiles dicts or None");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < K; k++) {
        if (!PyDict_Check(PyTuple_GET_ITEM(c.nb_index, k))) {
            PyErr_SetString(PyExc_TypeError, "ctx: nb_index holds one dict per offset");
            return NULL;
        }
    }
    PyObject *seq = PySequence_Fast(norms, "norms");
    if (seq == NULL)
        return NULL;
    PyObject *zero = PyLong_FromSsize_t(c.zero);
    c.empty = PyUnicode_New(0, 0);
    PyObject *idx = PyList_New(0), *starts = PyList_New(0), *stems = PyList_New(0), *bases = PyList_New(0);
    PyObject *result = NULL;
    if (zero == NULL || c.empty == NULL || idx == NULL || starts == NULL || stems == NULL || bases == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(seq, i), *own, *near, *far, *stem, *base;
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "norms: strings expected");
            goto done;
        }
        if (word_parts(&c, w, &own, &near, &far, &stem, &base) < 0)
            goto done;
        int bad = PyList_Append(stems, stem) < 0 || PyList_Append(bases, base) < 0;
        for (Py_ssize_t k = -1; !bad && k < K; k++) {
            PyObject *at = PyLong_FromSsize_t(PyList_GET_SIZE(idx));
            bad = at == NULL || PyList_Append(starts, at) < 0;
            Py_XDECREF(at);
            if (bad)
                break;
            if (k < 0)
                bad = push_ids(idx, own, c.index, zero, c.filt, c.filt_mask) < 0;
            else
                bad = push_ids(idx, PyObject_IsTrue(PyTuple_GET_ITEM(c.near, k)) ? near : far,
                               PyTuple_GET_ITEM(c.nb_index, k), zero, c.filt, c.filt_mask) < 0;
        }
        Py_DECREF(own);
        Py_DECREF(near);
        Py_DECREF(far);
        Py_DECREF(stem);
        Py_DECREF(base);
        if (bad)
            goto done;
    }
    result = PyTuple_Pack(4, idx, starts, stems, bases);
done:
    Py_DECREF(seq);
    Py_XDECREF(zero);
    Py_XDECREF(c.empty);
    Py_XDECREF(idx);
    Py_XDECREF(starts);
    Py_XDECREF(stems);
    Py_XDECREF(bases);
    return result;
}

/* feature_filter(dicts, log2_bits) -> bytes: a bitset of 2**log2_bits bits with bit hash(key) & mask
 * set for every key of every dict (type_segments' filter: a string whose bit is clear is a key of
 * none of them, since equal keys have equal hashes) */
static PyObject *
feature_filter(PyObject *self, PyObject *args)
{
    PyObject *dicts;
    int lg;
    if (!PyArg_ParseTuple(args, "O!i", &PyTuple_Type, &dicts, &lg))
        return NULL;
    if (lg < 3 || lg > 30) {
        PyErr_SetString(PyExc_ValueError, "feature_filter: log2_bits from 3 to 30");
        return NULL;
    }
    for (Py_ssize_t d = 0; d < PyTuple_GET_SIZE(dicts); d++) {
        if (!PyDict_Check(PyTuple_GET_ITEM(dicts, d))) {
            PyErr_SetString(PyExc_TypeError, "feature_filter: a tuple of dicts expected");
            return NULL;
        }
    }
    Py_ssize_t nbytes = (Py_ssize_t)1 << (lg - 3);
    PyObject *out = PyBytes_FromStringAndSize(NULL, nbytes);
    if (out == NULL)
        return NULL;
    unsigned char *b = (unsigned char *)PyBytes_AS_STRING(out);
    memset(b, 0, (size_t)nbytes);
    size_t mask = ((size_t)1 << lg) - 1;
    for (Py_ssize_t d = 0; d < PyTuple_GET_SIZE(dicts); d++) {
        PyObject *dict = PyTuple_GET_ITEM(dicts, d), *k, *v;
        Py_ssize_t pos = 0;
        while (PyDict_Next(dict, &pos, &k, &v)) {
            Py_hash_t h = PyObject_Hash(k);
            if (h == -1) {
                Py_DECREF(out);
                return NULL;
            }
            size_t x = (size_t)h & mask;
            b[x >> 3] |= (unsigned char)(1u << (x & 7));
        }
    }
    return out;
}

/* ------------------------------------------------------------------ propagate
 * propagate(sents, stems, min_chars, max_len, surnames): rasd.ner.propagate.propagate with the
 * stems given (the Python function is the reference; tests/ner/test_propagate_compiled.py checks
 * that both give the same tags).  None when the input is not of the expected shape (tuples or
 * lists of a token list and a tag list of strings, stems of the same lengths): the caller then
 * runs the Python code. */

/* the tag's (prefix, type) as rasd.ner.conll._parse: prefix one of B I E S with "X-type", else 'O' */
static Py_UCS4
tag_prefix(PyObject *t)
{
    if (PyUnicode_GET_LENGTH(t) >= 2 && PyUnicode_READ_CHAR(t, 1) == '-') {
        Py_UCS4 p = PyUnicode_READ_CHAR(t, 0);
        if (p == 'B' || p == 'I' || p == 'E' || p == 'S')
            return p;
    }
    return 'O';
}

static int
is_o(PyObject *t)
{
    return PyUnicode_GET_LENGTH(t) == 1 && PyUnicode_READ_CHAR(t, 0) == 'O';
}

/* found[key][label] += 1 (the inner dict keeps first-count order); 0, or -1 on error */
static int
count_key(PyObject *found, PyObject *key, PyObject *label)
{
    PyObject *c = PyDict_GetItemWithError(found, key);
    if (c == NULL) {
        if (PyErr_Occurred())
            return -1;
        c = PyDict_New();
        if (c == NULL || PyDict_SetItem(found, key, c) < 0) {
            Py_XDECREF(c);
            return -1;
        }
        Py_DECREF(c);  /* found holds it */
    }
    PyObject *n = PyDict_GetItemWithError(c, label);
    if (n == NULL && PyErr_Occurred())
        return -1;
    PyObject *m = PyLong_FromLong(n == NULL ? 1 : PyLong_AsLong(n) + 1);
    if (m == NULL)
        return -1;
    int rc = PyDict_SetItem(c, label, m);
    Py_DECREF(m);
    return rc;
}

/* (stem, toks[i + 1:j]...) as a tuple */
static PyObject *
name_key(PyObject *stem, PyObject **toks, Py_ssize_t i, Py_ssize_t j)
{
    PyObject *key = PyTuple_New(j - i);
    if (key == NULL)
        return NULL;
    Py_INCREF(stem);
    PyTuple_SET_ITEM(key, 0, stem);
    for (Py_ssize_t x = i + 1; x < j; x++) {
        Py_INCREF(toks[x]);
        PyTuple_SET_ITEM(key, x - i, toks[x]);
    }
    return key;
}

/* the spans of one sentence's tags, as rasd.ner.conll.spans; each one handed to ``take`` */
typedef int (*span_fn)(void *ctx, Py_ssize_t i, Py_ssize_t j, PyObject *typ);

static int
each_span(PyObject **tags, Py_ssize_t n, span_fn take, void *ctx)
{
    Py_ssize_t start = 0, last = -2;
    PyObject *typ = NULL;  /* borrowed: the open name's type (a new reference kept below) */
    int rc = 0;
    for (Py_ssize_t i = 0; i < n && rc == 0; i++) {
        PyObject *t = tags[i];
        if (is_o(t))
            continue;
        Py_UCS4 p = tag_prefix(t);
        PyObject *ty = p == 'O' ? PyUnicode_New(0, 0) : PyUnicode_Substring(t, 2, PyUnicode_GET_LENGTH(t));
        if (ty == NULL)
            return -1;
        if (typ != NULL && i != last + 1) {
            rc = take(ctx, start, last + 1, typ);
            Py_CLEAR(typ);
        }
        last = i;
        if (rc == 0 && p == 'I' && typ != NULL) {
            int same = PyUnicode_Compare(typ, ty);
            if (same == -1 && PyErr_Occurred())
                rc = -1;
            else if (same == 0) {
                Py_DECREF(ty);
                continue;
            }
        }
        if (rc == 0 && typ != NULL) {
            rc = take(ctx, start, i, typ);
            Py_CLEAR(typ);
        }
        if (rc == 0 && (p == 'B' || p == 'I')) {
            start = i;
            typ = ty;
            ty = NULL;
        }
        Py_XDECREF(ty);
    }
    if (rc == 0 && typ != NULL)
        rc = take(ctx, start, last + 1, typ);
    Py_XDECREF(typ);
    return rc;
}

typedef struct {
    PyObject *found;
    PyObject **toks, **stems;
    Py_ssize_t min_chars, max_len;
    int surnames;
} found_ctx;

static int
take_span(void *vctx, Py_ssize_t i, Py_ssize_t j, PyObject *label)
{
    found_ctx *c = (found_ctx *)vctx;
    if (j - i > c->max_len)
        return 0;
    PyObject *key = name_key(c->stems[i], c->toks, i, j);
    if (key == NULL)
        return -1;
    int rc = 0;
    if (!(j - i == 1 && PyUnicode_GET_LENGTH(c->stems[i]) < c->min_chars))
        rc = count_key(c->found, key, label);
    Py_DECREF(key);
    if (rc == 0 && c->surnames && j - i > 1 && PyUnicode_GET_LENGTH(c->toks[j - 1]) >= c->min_chars
        && PyUnicode_GetLength(label) == 4 && PyUnicode_CompareWithASCIIString(label, "PERS") == 0) {
        key = PyTuple_Pack(1, c->stems[j - 1]);
        if (key == NULL)
            return -1;
        rc = count_key(c->found, key, label);
        Py_DECREF(key);
    }
    return rc;
}

static int
all_str(PyObject *seq)
{
    Py_ssize_t n = PyList_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!PyUnicode_Check(PyList_GET_ITEM(seq, i)))
            return 0;
    return 1;
}

static PyObject *
propagate(PyObject *self, PyObject *args)
{
    PyObject *sents, *stems_all;
    Py_ssize_t min_chars, max_len;
    int surnames;
    if (!PyArg_ParseTuple(args, "O!O!nnp", &PyList_Type, &sents, &PyList_Type, &stems_all, &min_chars,
                          &max_len, &surnames))
        return NULL;
    Py_ssize_t S = PyList_GET_SIZE(sents);
    if (PyList_GET_SIZE(stems_all) != S)
        Py_RETURN_NONE;
    /* the shape check: (toks, tags) pairs of lists of strings, stems of the same length */
    for (Py_ssize_t k = 0; k < S; k++) {
        PyObject *pair = PyList_GET_ITEM(sents, k), *sst = PyList_GET_ITEM(stems_all, k);
        if (!(PyTuple_Check(pair) || PyList_Check(pair)) || PySequence_Fast_GET_SIZE(pair) != 2)
            Py_RETURN_NONE;
        PyObject *toks = PySequence_Fast_GET_ITEM(pair, 0), *tags = PySequence_Fast_GET_ITEM(pair, 1);
        if (!PyList_Check(toks) || !PyList_Check(tags) || !PyList_Check(sst))
            Py_RETURN_NONE;
        Py_ssize_t n = PyList_GET_SIZE(toks);
        if (PyList_GET_SIZE(tags) != n || PyList_GET_SIZE(sst) != n || !all_str(toks) || !all_str(tags)
            || !all_str(sst))
            Py_RETURN_NONE;
    }
    PyObject *out = NULL, *found = PyDict_New(), *best = NULL, *firsts = NULL, *untagged = NULL;
    PyObject *b_pfx = PyUnicode_FromString("B-"), *i_pfx = PyUnicode_FromString("I-");
    Py_ssize_t *lengths = NULL, nlen = 0;
    char *has_len = NULL;
    if (max_len < 1 || max_len > 1000)
        Py_RETURN_NONE;
    if (found == NULL || b_pfx == NULL || i_pfx == NULL)
        goto fail;
    for (Py_ssize_t k = 0; k < S; k++) {
        PyObject *pair = PyList_GET_ITEM(sents, k);
        PyObject *toks = PySequence_Fast_GET_ITEM(pair, 0), *tags = PySequence_Fast_GET_ITEM(pair, 1);
        found_ctx c = {found, PySequence_Fast_ITEMS(toks), PySequence_Fast_ITEMS(PyList_GET_ITEM(stems_all, k)),
                       min_chars, max_len, surnames};
        if (each_span(PySequence_Fast_ITEMS(tags), PyList_GET_SIZE(tags), take_span, &c) < 0)
            goto fail;
    }
    out = PyList_New(S);
    if (out == NULL)
        goto fail;
    for (Py_ssize_t k = 0; k < S; k++) {
        PyObject *tags = PySequence_Fast_GET_ITEM(PyList_GET_ITEM(sents, k), 1);
        PyObject *copy = PyList_GetSlice(tags, 0, PyList_GET_SIZE(tags));
        if (copy == NULL)
            goto fail;
        PyList_SET_ITEM(out, k, copy);
    }
    if (PyDict_GET_SIZE(found) == 0)
        goto done;
    /* the commonest label of each key (the first counted among equals), and the key lengths */
    best = PyDict_New();
    firsts = PySet_New(NULL);
    lengths = PyMem_Calloc(max_len + 2, sizeof(Py_ssize_t));
    has_len = PyMem_Calloc(max_len + 2, 1);
    if (best == NULL || firsts == NULL || lengths == NULL || has_len == NULL)
        goto fail;
    {
        Py_ssize_t pos = 0;
        PyObject *key, *c;
        while (PyDict_Next(found, &pos, &key, &c)) {
            Py_ssize_t p2 = 0;
            PyObject *lab, *cnt, *top = NULL, *top_n = NULL;
            long top_v = -1;
            while (PyDict_Next(c, &p2, &lab, &cnt)) {
                long v = PyLong_AsLong(cnt);
                if (v > top_v) {
                    top_v = v;
                    top = lab;
                    top_n = cnt;
                }
            }
            PyObject *hit = PyTuple_Pack(2, top, top_n);
            if (hit == NULL || PyDict_SetItem(best, key, hit) < 0) {
                Py_XDECREF(hit);
                goto fail;
            }
            Py_DECREF(hit);
            if (PySet_Add(firsts, PyTuple_GET_ITEM(key, 0)) < 0)
                goto fail;
            Py_ssize_t ln = PyTuple_GET_SIZE(key);
            if (ln <= max_len + 1)
                has_len[ln] = 1;
        }
    }
    for (Py_ssize_t ln = max_len + 1; ln >= 1; ln--)  /* longest first */
        if (has_len[ln])
            lengths[nlen++] = ln;
    for (Py_ssize_t k = 0; k < S; k++) {
        PyObject *toks = PySequence_Fast_GET_ITEM(PyList_GET_ITEM(sents, k), 0);
        PyObject **tk = PySequence_Fast_ITEMS(toks);
        PyObject **sst = PySequence_Fast_ITEMS(PyList_GET_ITEM(stems_all, k));
        PyObject *new = PyList_GET_ITEM(out, k);
        Py_ssize_t n = PyList_GET_SIZE(toks);
        for (Py_ssize_t i = 0; i < n; i++) {
            int first = PySet_Contains(firsts, sst[i]);
            if (first < 0)
                goto fail;
            if (!first || !is_o(PyList_GET_ITEM(new, i)))
                continue;
            for (Py_ssize_t li = 0; li < nlen; li++) {
                Py_ssize_t ln = lengths[li], x;
                if (i + ln > n)
                    continue;
                for (x = 0; x < ln && is_o(PyList_GET_ITEM(new, i + x)); x++)
                    ;
                if (x < ln)
                    continue;
                PyObject *key = name_key(sst[i], tk, i, i + ln);
                if (key == NULL)
                    goto fail;
                PyObject *hit = PyDict_GetItemWithError(best, key);  /* borrowed */
                Py_DECREF(key);
                if (hit == NULL) {
                    if (PyErr_Occurred())
                        goto fail;
                    continue;
                }
                if (ln == 1) {
                    if (untagged == NULL) {  /* how often each stem stays untagged, in the whole window */
                        untagged = PyDict_New();
                        if (untagged == NULL)
                            goto fail;
                        for (Py_ssize_t k2 = 0; k2 < S; k2++) {
                            PyObject *tags2 = PySequence_Fast_GET_ITEM(PyList_GET_ITEM(sents, k2), 1);
                            PyObject **s2 = PySequence_Fast_ITEMS(PyList_GET_ITEM(stems_all, k2));
                            for (Py_ssize_t y = 0; y < PyList_GET_SIZE(tags2); y++) {
                                if (!is_o(PyList_GET_ITEM(tags2, y)))
                                    continue;
                                PyObject *m = PyDict_GetItemWithError(untagged, s2[y]);
                                if (m == NULL && PyErr_Occurred())
                                    goto fail;
                                PyObject *m2 = PyLong_FromLong(m == NULL ? 1 : PyLong_AsLong(m) + 1);
                                if (m2 == NULL || PyDict_SetItem(untagged, s2[y], m2) < 0) {
                                    Py_XDECREF(m2);
                                    goto fail;
                                }
                                Py_DECREF(m2);
                            }
                        }
                    }
                    PyObject *m = PyDict_GetItemWithError(untagged, sst[i]);
                    if (m == NULL && PyErr_Occurred())
                        goto fail;
                    if ((m == NULL ? 0 : PyLong_AsLong(m)) >= PyLong_AsLong(PyTuple_GET_ITEM(hit, 1)))
                        continue;
                }
                if (i + ln < n) {
                    PyObject *after = PyList_GET_ITEM(new, i + ln);
                    if (PyUnicode_GET_LENGTH(after) >= 2 && PyUnicode_READ_CHAR(after, 0) == 'I'
                        && PyUnicode_READ_CHAR(after, 1) == '-')
                        continue;
                }
                PyObject *label = PyTuple_GET_ITEM(hit, 0);
                for (x = 0; x < ln; x++) {
                    PyObject *t = PyUnicode_Concat(x ? i_pfx : b_pfx, label);
                    if (t == NULL)
                        goto fail;
                    PyList_SetItem(new, i + x, t);  /* steals t */
                }
                break;
            }
        }
    }
    goto done;
fail:
    Py_CLEAR(out);
done:
    PyMem_Free(lengths);
    PyMem_Free(has_len);
    Py_XDECREF(found);
    Py_XDECREF(best);
    Py_XDECREF(firsts);
    Py_XDECREF(untagged);
    Py_XDECREF(b_pfx);
    Py_XDECREF(i_pfx);
    return out;
}

/* type_flags(stems, bases, r0, bits, of_base, flags): flags[r] for every row r >= r0 of stems and
 * bases, as TypeScores._add computes them in Python: bits.get(stem, 0), or'ed with
 * bits.get(base, 0) & of_base when the base is another object than the stem; flags a writable
 * one-byte-per-item buffer (numpy uint8). */
static PyObject *
type_flags(PyObject *self, PyObject *args)
{
    PyObject *stems, *bases, *bits;
    Py_ssize_t r0;
    long of_base;
    Py_buffer fl;
    if (!PyArg_ParseTuple(args, "O!O!nO!lw*", &PyList_Type, &stems, &PyList_Type, &bases, &r0, &PyDict_Type,
                          &bits, &of_base, &fl))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t n = PyList_GET_SIZE(stems);
    if (fl.itemsize != 1 || PyList_GET_SIZE(bases) != n || r0 < 0 || n > fl.len) {
        PyErr_SetString(PyExc_ValueError, "type_flags: stems and bases of one length, a byte buffer as long");
        goto done;
    }
    unsigned char *out = (unsigned char *)fl.buf;
    for (Py_ssize_t r = r0; r < n; r++) {
        PyObject *stem = PyList_GET_ITEM(stems, r), *base = PyList_GET_ITEM(bases, r);
        long v = 0;
        PyObject *x = PyDict_GetItemWithError(bits, stem);
        if (x == NULL && PyErr_Occurred())
            goto done;
        if (x != NULL && (v = PyLong_AsLong(x)) == -1 && PyErr_Occurred())
            goto done;
        if (base != stem) {
            x = PyDict_GetItemWithError(bits, base);
            if (x == NULL && PyErr_Occurred())
                goto done;
            long w = 0;
            if (x != NULL && (w = PyLong_AsLong(x)) == -1 && PyErr_Occurred())
                goto done;
            v |= w & of_base;
        }
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_OverflowError, "type_flags: a flag outside 0..255");
            goto done;
        }
        out[r] = (unsigned char)v;
    }
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&fl);
    return result;
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
    {"doc_extras", doc_extras, METH_VARARGS,
     "doc_extras(em, ids, lens, flags, bits, stems, bases, pair_index, pair_mat, phrases, last, tick, "
     "want_stems): bigram scores into em, rows marked used; (phrase hits, stems by sentence)."},
    {"type_segments", type_segments, METH_VARARGS,
     "type_segments(norms, ctx): (attribute indices laid end to end, segment starts, stems, bases) of new word types."},
    {"feature_filter", feature_filter, METH_VARARGS,
     "feature_filter(dicts, log2_bits): a bitset of the keys' hashes (type_segments' optional filter)."},
    {"type_flags", type_flags, METH_VARARGS,
     "type_flags(stems, bases, r0, bits, of_base, flags): TypeScores' flag bits of rows r0.. into flags."},
    {"propagate", propagate, METH_VARARGS,
     "propagate(sents, stems, min_chars, max_len, surnames): propagate.propagate's new tags (None: use Python)."},
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
