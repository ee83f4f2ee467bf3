@echo off
rem Runs Convene from its distribution: needs only a JDK 17 (java on the PATH, or JAVA_HOME).
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
"%JAVA_CMD%" %JAVA_OPTS% -jar "%HOME_DIR%\lib\convene.jar" %*
