/**
 * Reading a Python project: its {@code pyproject.toml} (PEP 621, Poetry, PDM, uv and PEP 735
 * dependency groups, uv workspaces), {@code requirements*.txt} with their includes, {@code Pipfile},
 * {@code setup.cfg}, {@code uv.lock} and {@code poetry.lock}; and what its dependencies say about
 * the profile (Python version, framework, asyncio, databases, tools already in use), each answer
 * with the file and line it came from.
 *
 * <p>Nothing in a project is executed and nothing is fetched: files are read as text, TOML through
 * Jackson's TOML format, within a size limit. {@link dev.dbpick.project.ProjectReader} reads,
 * {@link dev.dbpick.project.Inference} infers, {@link dev.dbpick.project.ProjectAnswers} fills a
 * profile document and marks the libraries a project already depends on.
 */
package dev.dbpick.project;
