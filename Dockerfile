# Batch Norm Lab: a slim runtime image. Build: docker build -t batch-norm-lab .
# Run: docker run -p 8501:8501 batch-norm-lab   (then open http://localhost:8501)
FROM python:3.11-slim AS build
WORKDIR /build
COPY requirements.txt .
# Wheels only: every runtime dependency ships binary wheels, so no compiler enters the image.
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir --only-binary=:all: -r requirements.txt

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN useradd --create-home --uid 10001 lab
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY --chown=lab:lab app.py ./
COPY --chown=lab:lab bn_core ./bn_core
COPY --chown=lab:lab figures ./figures
COPY --chown=lab:lab ui ./ui
COPY --chown=lab:lab chapters ./chapters
COPY --chown=lab:lab .streamlit ./.streamlit
USER lab
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status == 200 else 1)"
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
